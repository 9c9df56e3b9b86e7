using System.Security.Cryptography;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Import;

/// <summary>The result of an import call: what the file holds, whether it was stored, and the engine version after the call.</summary>
public sealed record ImportOutcome(ImportPreview Preview, bool Committed, long Version);

/// <summary>
/// File import for data officers and machines: a preview that stores nothing, and a commit that
/// stores the whole file as one batch through <see cref="FigureIngestion"/> or nothing at all.
/// </summary>
public sealed class FigureImport(FigureIngestion ingestion, EngineHost host, IAuditTrail audit, FigureRepository stored)
{
    /// <summary>Reads the file and puts unit codes where rows name their unit; what every check and write works on.</summary>
    public FigureFile Read(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var file = FigureFileReader.Read(stream, fileName, cancellationToken);
        file.ResolveUnitNames(host.Engine.Units);
        return file;
    }

    /// <summary>
    /// Reads and validates the file and works out what storing it would change; stores nothing.
    /// A file every row of which is already stored says when it was.
    /// </summary>
    public async Task<ImportOutcome> PreviewAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var sha256 = stream.CanSeek ? await Sha256Async(stream, cancellationToken) : null;
        var file = Read(stream, fileName, cancellationToken);
        var preview = ImportEffect.Apply(WithWarnings(file, file.Validate(ingestion.Validate)), file, host.Engine);
        if (preview.AllStored) preview = preview with { AlreadyImportedAt = await ImportedAtAsync(file, sha256, cancellationToken) };
        return new ImportOutcome(preview, false, host.Engine.Version);
    }

    /// <summary>
    /// Reads and validates the file, then, only when no row has an error, submits every row as one
    /// batch whose source is the file name. With any error nothing is stored.
    /// </summary>
    /// <param name="actor">Who imports (the API key or the user), with the units they may write: a file naming
    /// any other unit is refused whole, and the import's audit entry is committed with its figures.</param>
    /// <exception cref="UnitScopeException">A row names a unit outside the writer's scope; nothing is stored.</exception>
    /// <exception cref="AuditWriteException">The import's audit entries could not be written; nothing is stored.</exception>
    public async Task<ImportOutcome> CommitAsync(Stream stream, string fileName, WriteActor actor, CancellationToken cancellationToken = default)
    {
        var (sha256, bytes) = await FingerprintAsync(stream, cancellationToken);
        var file = Read(stream, fileName, cancellationToken);
        // Before the file's own errors, as for a batch of the API: a writer's scope is answered first.
        FigureIngestion.Authorize(actor, file.Figures.Select(f => f.Unit));
        // Warnings and changes are worked out before the write: afterwards the file's own figures are the ones in effect.
        var preview = ImportEffect.Apply(WithWarnings(file, file.Validate(ingestion.Validate)), file, host.Engine);
        if (preview.HasErrors) return new ImportOutcome(preview, false, host.Engine.Version);

        var result = await ingestion.SubmitAsync(file.Figures, SourceName(fileName), actor, cancellationToken,
            new ImportedFile(sha256, bytes, preview.Rows));
        // Validation runs again inside the write lock; a figure valid a moment ago (before midnight,
        // say) can be refused there, and then the file's rows are still where the errors belong.
        return result.IsAccepted
            ? new ImportOutcome(preview, true, result.Version)
            : new ImportOutcome(file.Preview(file.MapErrors(result.Errors)) with { Warnings = preview.Warnings }, false, result.Version);
    }

    /// <summary>The file's SHA-256 and length; a stream that cannot seek is read into memory once for this.</summary>
    private static async Task<(string Sha256, long Bytes)> FingerprintAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek) throw new ArgumentException("An import is read twice (fingerprint, then rows): give a seekable stream.", nameof(stream));
        var start = stream.Position;
        return (await Sha256Async(stream, cancellationToken), stream.Length - start);
    }

    /// <summary>The file's SHA-256 as the import's audit entry records it; the stream is put back at its start.</summary>
    public static async Task<string> Sha256Async(Stream stream, CancellationToken cancellationToken)
    {
        var start = stream.Position;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        stream.Position = start;
        return hash;
    }

    /// <summary>
    /// When the same bytes were last imported into this campaign (the audit keeps each import's SHA-256 and
    /// version; the version's batch tells the campaign); otherwise, as the same figures may have come
    /// another way, when the latest of them was received.
    /// </summary>
    private async Task<DateTimeOffset?> ImportedAtAsync(FigureFile file, string? sha256, CancellationToken cancellationToken)
    {
        if (sha256 is not null)
        {
            var imports = await audit.QueryAsync(new AuditQuery(Kind: AuditKinds.Import, Limit: 10_000), cancellationToken);
            var same = imports.Select(e => (e.At, Version: ImportedVersion(e, sha256))).Where(e => e.Version is not null).ToList();
            var own = await stored.OwnVersionsAsync([.. same.Select(e => e.Version!.Value)], cancellationToken);
            if (same.Where(e => own.Contains(e.Version!.Value)).Select(e => (DateTimeOffset?)e.At).Max() is { } at) return at;
        }
        var wanted = file.Figures.ToHashSet();
        DateTimeOffset? latest = null;
        foreach (var unit in file.Figures.Select(f => f.Unit).Distinct(StringComparer.Ordinal))
            foreach (var figure in await stored.ReadForUnitAsync(unit, cancellationToken: cancellationToken))
                if (wanted.Contains(figure.Figure) && (latest is null || figure.ReceivedAt > latest)) latest = figure.ReceivedAt;
        return latest;
    }

    /// <summary>The version an import's audit entry recorded, when the entry is of a file with this SHA-256.</summary>
    private static long? ImportedVersion(AuditEntry entry, string sha256)
    {
        if (entry.AfterJson is not { } json) return null;
        using var after = System.Text.Json.JsonDocument.Parse(json);
        var root = after.RootElement;
        return root.TryGetProperty("sha256", out var hash) && hash.ValueEquals(sha256)
            && root.TryGetProperty("version", out var version) && version.TryGetInt64(out var number) ? number : null;
    }

    private ImportPreview WithWarnings(FigureFile file, ImportPreview preview) =>
        preview with { Warnings = file.MapWarnings(ingestion.LowerThanReported(file.Figures)) };

    /// <summary>The stored source: the file's own name, without any client path.</summary>
    public static string SourceName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? "import" : name;
    }
}
