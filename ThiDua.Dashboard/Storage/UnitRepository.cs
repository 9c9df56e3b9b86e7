using System.Text;
using Dapper;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The competing units. Every edit raises the engine version by one in the same transaction,
/// because the boards depend on units (registration decides eligibility, the active range decides
/// who is ranked), and is recorded in <c>batches</c> with who, when and what changed. An edit's
/// audit entry is written in that transaction too (<see cref="AlsoInTransaction{T}"/>), only when
/// something changed.
/// </summary>
public sealed class UnitRepository(Database database, CampaignKey campaign)
{
    /// <summary>Every unit, sorted by code.</summary>
    public async Task<IReadOnlyList<UnitInfo>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitRow>(new CommandDefinition(
            UnitRow.SelectColumns + "\nORDER BY code;", new { CampaignId = campaign.Id }, cancellationToken: cancellationToken));
        return rows.Select(row => row.ToUnitInfo()).ToList();
    }

    /// <summary>The unit with this code, or null.</summary>
    public async Task<UnitInfo?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UnitRow>(new CommandDefinition(
            UnitRow.SelectColumns + "\nAND code = @Code;", new { CampaignId = campaign.Id, Code = code }, cancellationToken: cancellationToken));
        return row?.ToUnitInfo();
    }

    /// <summary>Records (or clears, with null) the date the unit's registration was received.</summary>
    /// <returns>The updated unit and version, or null when no unit has this code.</returns>
    /// <param name="evenIfUnchanged">Committed in the same transaction whether or not the date changes (the registration
    /// decision behind it), before <paramref name="alsoInTransaction"/>; if it throws, nothing is stored.</param>
    public Task<UnitUpdate?> SetRegistrationDateAsync(
        string code, DateOnly? registeredOn, string source, string by, DateTimeOffset receivedAt,
        CancellationToken cancellationToken = default, AlsoInTransaction<UnitUpdate>? alsoInTransaction = null,
        AlsoInTransaction<UnitUpdate>? evenIfUnchanged = null) =>
        UpdateAsync(
            code,
            unit => unit with { RegisteredOn = registeredOn },
            (before, after) => $"unit {before.Code}: registered_on {Show(before.RegisteredOn)} -> {Show(after.RegisteredOn)}",
            source, by, receivedAt, cancellationToken, alsoInTransaction, evenIfUnchanged);

    /// <summary>Records (or clears, with null) the City Office's Nghị quyết 02 assessment of the unit, with its note.</summary>
    /// <returns>The updated unit and version, or null when no unit has this code.</returns>
    public Task<UnitUpdate?> SetNq02Async(
        string code, Nq02Assessment? assessment, string? note, string source, string by, DateTimeOffset receivedAt,
        CancellationToken cancellationToken = default, AlsoInTransaction<UnitUpdate>? alsoInTransaction = null) =>
        UpdateAsync(
            code,
            unit => unit with { Nq02 = assessment, Nq02Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() },
            (before, after) => $"unit {before.Code}: nq02 {Nq02Text.Format(before.Nq02) ?? "-"} -> {Nq02Text.Format(after.Nq02) ?? "-"}",
            source, by, receivedAt, cancellationToken, alsoInTransaction);

    /// <summary>Renames a unit (its code, the key figures refer to, never changes).</summary>
    /// <returns>The updated unit and version, or null when no unit has this code.</returns>
    public Task<UnitUpdate?> RenameAsync(
        string code, string name, string source, string by, DateTimeOffset receivedAt,
        CancellationToken cancellationToken = default, AlsoInTransaction<UnitUpdate>? alsoInTransaction = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return UpdateAsync(
            code,
            // NFC, like the seed: the same name typed on another keyboard must compare equal.
            unit => unit with { Name = name.Trim().Normalize(NormalizationForm.FormC) },
            (before, after) => $"unit {before.Code}: name '{before.Name}' -> '{after.Name}'",
            source, by, receivedAt, cancellationToken, alsoInTransaction);
    }

    /// <summary>
    /// Sets the active range (first and last day, inclusive) and the unit it was merged into.
    /// A <paramref name="mergedInto"/> that names no unit fails at commit and changes nothing.
    /// </summary>
    /// <returns>The updated unit and version, or null when no unit has this code.</returns>
    public Task<UnitUpdate?> SetActiveRangeAsync(
        string code, DateOnly? activeFrom, DateOnly? activeTo, string? mergedInto, string source, string by,
        DateTimeOffset receivedAt, CancellationToken cancellationToken = default, AlsoInTransaction<UnitUpdate>? alsoInTransaction = null)
    {
        if (activeFrom is { } from && activeTo is { } to && from > to)
        {
            throw new ArgumentException($"The active range {from:yyyy-MM-dd} .. {to:yyyy-MM-dd} ends before it starts.", nameof(activeTo));
        }

        return UpdateAsync(
            code,
            unit => unit with { ActiveFrom = activeFrom, ActiveTo = activeTo, MergedInto = mergedInto },
            (before, after) =>
                $"unit {before.Code}: active {Show(before.ActiveFrom)}..{Show(before.ActiveTo)} merged_into {before.MergedInto ?? "-"}"
                + $" -> {Show(after.ActiveFrom)}..{Show(after.ActiveTo)} merged_into {after.MergedInto ?? "-"}",
            source, by, receivedAt, cancellationToken, alsoInTransaction);
    }

    private async Task<UnitUpdate?> UpdateAsync(
        string code,
        Func<UnitInfo, UnitInfo> change,
        Func<UnitInfo, UnitInfo, string> describe,
        string source,
        string by,
        DateTimeOffset receivedAt,
        CancellationToken cancellationToken,
        AlsoInTransaction<UnitUpdate>? alsoInTransaction,
        AlsoInTransaction<UnitUpdate>? evenIfUnchanged = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        VersionLog.ThrowIfBlank(source, by);

        await using var connection = await database.OpenAsync(cancellationToken);
        // Read, compare and write under one write lock so two editors cannot both see "unchanged".
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UnitRow>(new CommandDefinition(
            UnitRow.SelectColumns + "\nAND code = @Code;", new { CampaignId = campaign.Id, Code = code }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var before = row.ToUnitInfo();
        var after = change(before);
        if (after == before)
        {
            // No version bump for a no-op: the boards would not change, and clients would redraw for nothing.
            var unchanged = new UnitUpdate(before, await VersionLog.CurrentAsync(connection, transaction, cancellationToken), Changed: false);
            if (evenIfUnchanged is not null) await transaction.CommitWithAsync(evenIfUnchanged, unchanged);
            return unchanged;
        }

        var timestamp = SqliteText.FromInstant(receivedAt);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE units
            SET name = @Name, district = @District, active_from = @ActiveFrom, active_to = @ActiveTo,
                merged_into = @MergedInto, registered_on = @RegisteredOn, nq02 = @Nq02, nq02_note = @Nq02Note,
                updated_at = @Timestamp
            WHERE campaign_id = @CampaignId AND code = @Code;
            """,
            UnitRow.Parameters(campaign, after, timestamp),
            transaction,
            cancellationToken: cancellationToken));
        var batch = await VersionLog.RecordAsync(
            connection, transaction, campaign, source, by, receivedAt, figureCount: 0, describe(before, after), cancellationToken);
        var update = new UnitUpdate(after, batch.Version, Changed: true);
        if (evenIfUnchanged is not null) await evenIfUnchanged(connection, transaction, update);
        await transaction.CommitWithAsync(alsoInTransaction, update);
        return update;
    }

    private static string Show(DateOnly? date) => SqliteText.FromDate(date) ?? "-";
}
