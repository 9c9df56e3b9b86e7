using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Import;

/// <summary>The result of an import call: what the file holds, whether it was stored, and the engine version after the call.</summary>
public sealed record ImportOutcome(ImportPreview Preview, bool Committed, long Version);

/// <summary>
/// File import for data officers and machines: a preview that stores nothing, and a commit that
/// stores the whole file as one batch through <see cref="FigureIngestion"/> or nothing at all.
/// </summary>
public sealed class FigureImport(FigureIngestion ingestion, EngineHost host)
{
    /// <summary>Reads and validates the file; stores nothing.</summary>
    public Task<ImportOutcome> PreviewAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var file = FigureFileReader.Read(stream, fileName, cancellationToken);
        var preview = WithWarnings(file, file.Validate(ingestion.Validate));
        return Task.FromResult(new ImportOutcome(preview, false, host.Engine.Version));
    }

    /// <summary>
    /// Reads and validates the file, then, only when no row has an error, submits every row as one
    /// batch whose source is the file name. With any error nothing is stored.
    /// </summary>
    /// <param name="by">The API key's name or the user who imports.</param>
    public async Task<ImportOutcome> CommitAsync(Stream stream, string fileName, string by, CancellationToken cancellationToken = default)
    {
        var file = FigureFileReader.Read(stream, fileName, cancellationToken);
        // Warnings are worked out before the write: afterwards the file's own figures are the ones in effect.
        var preview = WithWarnings(file, file.Validate(ingestion.Validate));
        if (preview.HasErrors) return new ImportOutcome(preview, false, host.Engine.Version);

        var result = await ingestion.SubmitAsync(file.Figures, SourceName(fileName), by, cancellationToken);
        // Validation runs again inside the write lock; a figure valid a moment ago (before midnight,
        // say) can be refused there, and then the file's rows are still where the errors belong.
        return result.IsAccepted
            ? new ImportOutcome(preview, true, result.Version)
            : new ImportOutcome(file.Preview(file.MapErrors(result.Errors)) with { Warnings = preview.Warnings }, false, result.Version);
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
