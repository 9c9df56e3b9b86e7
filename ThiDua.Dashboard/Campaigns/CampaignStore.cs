using System.Data.Common;
using Dapper;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// The <c>campaigns</c> table and each campaign's unit list as a whole (create, replace, copy). Edits of
/// single units of a running campaign go through <see cref="UnitRepository"/> and the ingestion path.
/// </summary>
public sealed class CampaignStore(Database database, TimeProvider time)
{
    private const string SelectColumns =
        """
        SELECT id AS Id, code AS Code, name AS Name, period_start AS PeriodStart, period_end AS PeriodEnd, status AS Status,
               is_default AS IsDefault, rules_json AS RulesJson, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM campaigns
        """;

    /// <summary>
    /// Every campaign, earliest period first (a campaign created later for an earlier year is still earlier;
    /// creation breaks a tie); a row not yet filled from the settings is left out.
    /// </summary>
    public async Task<IReadOnlyList<CampaignRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            SelectColumns + "\nWHERE rules_json IS NOT NULL ORDER BY period_start, id;", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>
    /// A short text that changes whenever any campaign is created, changed, activated, closed or made the default:
    /// each campaign's id, state and last change, in id order. Not the time alone: nodes' clocks may disagree.
    /// </summary>
    public async Task<string> ReadCatalogMarkAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Status, long IsDefault, string UpdatedAt)>(new CommandDefinition(
            "SELECT id, status, is_default, updated_at FROM campaigns WHERE rules_json IS NOT NULL ORDER BY id;", cancellationToken: cancellationToken));
        return string.Join(';', rows.Select(r => $"{r.Id}:{r.Status}:{r.IsDefault}:{r.UpdatedAt}"));
    }

    public async Task<CampaignRecord?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, code, cancellationToken);
    }

    /// <summary>A campaign's units as a campaign file lists them, with their predecessors.</summary>
    public async Task<IReadOnlyList<CampaignUnit>> UnitsAsync(long campaignId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var units = await connection.QueryAsync<UnitRow>(new CommandDefinition(
            UnitRow.SelectColumns + "\nORDER BY code;", new { CampaignId = campaignId }, cancellationToken: cancellationToken));
        var predecessors = (await connection.QueryAsync<(string Unit, string Predecessor)>(new CommandDefinition(
                "SELECT unit, predecessor FROM unit_predecessors WHERE campaign_id = @CampaignId ORDER BY unit, predecessor;",
                new { CampaignId = campaignId }, cancellationToken: cancellationToken)))
            .ToLookup(p => p.Unit, p => p.Predecessor, StringComparer.Ordinal);
        return [.. units.Select(u => u.ToUnitInfo()).Select(u =>
            new CampaignUnit(u.Code, u.Name, u.Block, u.District, u.ActiveFrom, u.ActiveTo, [.. predecessors[u.Code]]))];
    }

    /// <summary>
    /// A unit's predecessors, each found in the same campaign first, else in the latest earlier campaign
    /// (by period start, then creation: the order of <see cref="ListAsync"/>) that has a unit of that code; <see cref="UnitPredecessor.Campaign"/> is null when none has.
    /// </summary>
    public async Task<IReadOnlyList<UnitPredecessor>> LineageAsync(long campaignId, string unit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitPredecessor>(new CommandDefinition(
            """
            SELECT p.predecessor AS Code, found.campaign AS Campaign, found.name AS Name
            FROM unit_predecessors p
            LEFT JOIN (SELECT u.code, u.campaign_id, c.code AS campaign, u.name FROM units u JOIN campaigns c ON c.id = u.campaign_id) found
              ON found.code = p.predecessor
             AND found.campaign_id = (SELECT u2.campaign_id FROM units u2
                                      JOIN campaigns c2 ON c2.id = u2.campaign_id
                                      JOIN campaigns self ON self.id = p.campaign_id
                                      WHERE u2.code = p.predecessor AND (c2.period_start, c2.id) <= (self.period_start, self.id)
                                      ORDER BY u2.campaign_id = p.campaign_id DESC, c2.period_start DESC, c2.id DESC LIMIT 1)
            WHERE p.campaign_id = @CampaignId AND p.unit = @Unit
            ORDER BY p.predecessor;
            """,
            new { CampaignId = campaignId, Unit = unit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Stores a new draft with its units in one transaction.</summary>
    /// <returns>The draft, or null when a campaign already has this code (nothing is stored).</returns>
    public async Task<CampaignRecord?> CreateDraftAsync(CampaignDefinition definition, CancellationToken cancellationToken = default,
        AlsoInTransaction<CampaignRecord>? alsoInTransaction = null)
    {
        var rules = definition.Rules;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (await ReadAsync(connection, transaction, rules.Code, cancellationToken) is not null) return null;
        var now = SqliteText.FromInstant(time.GetUtcNow());
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO campaigns (code, name, period_start, period_end, status, is_default, rules_json, created_at, updated_at)
            VALUES (@Code, @Name, @PeriodStart, @PeriodEnd, 'draft', 0, @Rules, @Now, @Now)
            RETURNING id;
            """,
            new
            {
                rules.Code, rules.Name, PeriodStart = SqliteText.FromDate(rules.PeriodStart), PeriodEnd = SqliteText.FromDate(rules.PeriodEnd),
                Rules = CampaignRulesJson.Write(rules), Now = now,
            },
            transaction, cancellationToken: cancellationToken));
        await InsertUnitsAsync(connection, transaction, new CampaignKey(id), definition.Units, now, cancellationToken);
        await AlsoAsync(connection, transaction, rules.Code, alsoInTransaction, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return await GetAsync(rules.Code, cancellationToken);
    }

    /// <summary>Replaces a draft's rules (its code stays).</summary>
    public Task<CampaignRecord?> ReplaceRulesAsync(string code, CampaignRules rules, CancellationToken cancellationToken = default,
        AlsoInTransaction<CampaignRecord>? alsoInTransaction = null) =>
        UpdateDraftAsync(code, async (connection, transaction, record, now) =>
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE campaigns SET name = @Name, period_start = @PeriodStart, period_end = @PeriodEnd, rules_json = @Rules, updated_at = @Now
                WHERE id = @Id;
                """,
                new
                {
                    record.Id, rules.Name, PeriodStart = SqliteText.FromDate(rules.PeriodStart), PeriodEnd = SqliteText.FromDate(rules.PeriodEnd),
                    Rules = CampaignRulesJson.Write(rules with { Code = record.Code }), Now = now,
                },
                transaction, cancellationToken: cancellationToken)), alsoInTransaction, cancellationToken);

    /// <summary>Replaces a draft's whole unit list (a draft has no figures yet, so nothing refers to its units).</summary>
    public Task<CampaignRecord?> ReplaceUnitsAsync(string code, IReadOnlyList<CampaignUnit> units, CancellationToken cancellationToken = default,
        AlsoInTransaction<CampaignRecord>? alsoInTransaction = null) =>
        UpdateDraftAsync(code, async (connection, transaction, record, now) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM unit_predecessors WHERE campaign_id = @Id; DELETE FROM units WHERE campaign_id = @Id;",
                new { record.Id }, transaction, cancellationToken: cancellationToken));
            await InsertUnitsAsync(connection, transaction, record.Key, units, now, cancellationToken);
        }, alsoInTransaction, cancellationToken);

    /// <summary>Moves a campaign to another state.</summary>
    public async Task<CampaignRecord?> SetStatusAsync(string code, string status, CancellationToken cancellationToken = default,
        AlsoInTransaction<CampaignRecord>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE campaigns SET status = @Status, updated_at = @Now WHERE code = @Code;",
            new { Code = code, Status = status, Now = SqliteText.FromInstant(time.GetUtcNow()) }, transaction, cancellationToken: cancellationToken));
        await AlsoAsync(connection, transaction, code, alsoInTransaction, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return await ReadAsync(connection, null, code, cancellationToken);
    }

    /// <summary>Makes this campaign the default, in one transaction so there is always exactly one.</summary>
    public async Task<CampaignRecord?> SetDefaultAsync(string code, CancellationToken cancellationToken = default,
        AlsoInTransaction<CampaignRecord>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (await ReadAsync(connection, transaction, code, cancellationToken) is null) return null;
        var now = SqliteText.FromInstant(time.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE campaigns SET is_default = 0, updated_at = @Now WHERE is_default = 1 AND code <> @Code;
            UPDATE campaigns SET is_default = 1, updated_at = @Now WHERE code = @Code;
            """,
            new { Code = code, Now = now }, transaction, cancellationToken: cancellationToken));
        await AlsoAsync(connection, transaction, code, alsoInTransaction, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return await GetAsync(code, cancellationToken);
    }

    /// <summary>
    /// Fills campaign 1 from the settings on the first start after it was made (an empty database, or one
    /// migrated from before campaigns), and on later starts keeps the settings' campaign in step with the
    /// settings file as long as it is not closed, as editing the settings always did.
    /// </summary>
    internal static async Task AdoptSettingsAsync(Database database, CampaignRules rules, string fallbackCode, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(rules.Code) ? fallbackCode : rules.Code;
        var stored = rules with { Code = code };
        var now = SqliteText.FromInstant(at);
        var parameters = new
        {
            Code = code, stored.Name, PeriodStart = SqliteText.FromDate(stored.PeriodStart), PeriodEnd = SqliteText.FromDate(stored.PeriodEnd),
            Rules = CampaignRulesJson.Write(stored), Now = now,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE campaigns SET code = @Code, name = @Name, period_start = @PeriodStart, period_end = @PeriodEnd, rules_json = @Rules, created_at = @Now, updated_at = @Now
            WHERE id = 1 AND rules_json IS NULL;
            UPDATE campaigns SET name = @Name, period_start = @PeriodStart, period_end = @PeriodEnd, rules_json = @Rules, updated_at = @Now
            WHERE code = @Code AND status <> 'closed' AND rules_json IS DISTINCT FROM @Rules;
            """,
            parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task<CampaignRecord?> UpdateDraftAsync(
        string code, Func<DbConnection, DbTransaction, CampaignRecord, string, Task> update, AlsoInTransaction<CampaignRecord>? alsoInTransaction,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (await ReadAsync(connection, transaction, code, cancellationToken) is not { IsDraft: true } record) return null;
        var now = SqliteText.FromInstant(time.GetUtcNow());
        await update(connection, transaction, record, now);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE campaigns SET updated_at = @Now WHERE id = @Id;", new { record.Id, Now = now }, transaction, cancellationToken: cancellationToken));
        await AlsoAsync(connection, transaction, code, alsoInTransaction, cancellationToken);
        await transaction.CommitAsync(CancellationToken.None);
        return await GetAsync(code, cancellationToken);
    }

    /// <summary>The change's audit entry, written in its transaction with the campaign as it now stands.</summary>
    private static async Task AlsoAsync(DbConnection connection, DbTransaction transaction, string code,
        AlsoInTransaction<CampaignRecord>? alsoInTransaction, CancellationToken cancellationToken)
    {
        if (alsoInTransaction is null) return;
        await alsoInTransaction(connection, transaction, (await ReadAsync(connection, transaction, code, cancellationToken))!);
    }

    private static async Task InsertUnitsAsync(
        DbConnection connection, DbTransaction transaction, CampaignKey campaign, IReadOnlyList<CampaignUnit> units, string now,
        CancellationToken cancellationToken)
    {
        // A predecessor listed in the same campaign was merged into its successor there (Thới Bình ← An Cư…).
        var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var mergedInto = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in units)
            foreach (var predecessor in unit.Predecessors.Where(codes.Contains))
                mergedInto.TryAdd(predecessor, unit.Code);

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO units (campaign_id, code, name, block, district, active_from, active_to, merged_into, registered_on, created_at, updated_at)
            VALUES (@CampaignId, @Code, @Name, @Block, @District, @ActiveFrom, @ActiveTo, @MergedInto, NULL, @Now, @Now);
            """,
            units.Select(u => new
            {
                CampaignId = campaign.Id, u.Code, u.Name, u.Block, u.District, ActiveFrom = SqliteText.FromDate(u.ActiveFrom),
                ActiveTo = SqliteText.FromDate(u.ActiveTo), MergedInto = mergedInto.GetValueOrDefault(u.Code), Now = now,
            }).ToList(),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO unit_predecessors (campaign_id, unit, predecessor) VALUES (@CampaignId, @Unit, @Predecessor);",
            units.SelectMany(u => u.Predecessors.Distinct(StringComparer.Ordinal).Select(p => new { CampaignId = campaign.Id, Unit = u.Code, Predecessor = p })).ToList(),
            transaction, cancellationToken: cancellationToken));
    }

    private static async Task<CampaignRecord?> ReadAsync(DbConnection connection, DbTransaction? transaction, string code, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            SelectColumns + "\nWHERE code = @Code AND rules_json IS NOT NULL;", new { Code = code }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string? PeriodStart { get; set; }
        public string? PeriodEnd { get; set; }
        public string Status { get; set; } = "";
        public long IsDefault { get; set; }
        public string RulesJson { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string UpdatedAt { get; set; } = "";

        public CampaignRecord ToRecord() => new(
            Id, Code, Name, SqliteText.ToNullableDate(PeriodStart), SqliteText.ToNullableDate(PeriodEnd), Status, IsDefault == 1,
            CampaignRulesJson.Read(RulesJson), SqliteText.ToInstant(CreatedAt), SqliteText.ToInstant(UpdatedAt));
    }
}
