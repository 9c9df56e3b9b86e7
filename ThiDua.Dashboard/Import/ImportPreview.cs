namespace ThiDua.Dashboard.Import;

/// <summary>
/// What a file holds and what is wrong with it. <see cref="Errors"/> lists at most
/// <see cref="FigureFile.MaxListedErrors"/> errors in row order; <see cref="ErrorCount"/> counts them all.
/// </summary>
/// <param name="Rows">Data rows read (blank lines excluded).</param>
/// <param name="Units">Distinct unit codes seen.</param>
/// <param name="Indicators">Distinct indicator codes seen (content codes and <c>dossiers</c>), sorted.</param>
public sealed record ImportPreview(int Rows, int Units, IReadOnlyList<string> Indicators, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Rows kept but questioned (a figure below the one already reported), in row order, the list capped.</summary>
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];

    /// <summary>Rows whose figure differs from the one in effect on their date, in row order, the list capped; empty while the file has errors.</summary>
    public IReadOnlyList<ImportChange> Changes { get; init; } = [];

    /// <summary>All such rows, listed or not.</summary>
    public int ChangeCount { get; init; }

    /// <summary>Per unit with a change, its score now and once the file is stored.</summary>
    public IReadOnlyList<ImportScoreChange> Scores { get; init; } = [];

    /// <summary>True when the file is valid and every row is already stored with the same figure.</summary>
    public bool AllStored { get; init; }

    /// <summary>When such a file was stored, when known.</summary>
    public DateTimeOffset? AlreadyImportedAt { get; init; }
}
