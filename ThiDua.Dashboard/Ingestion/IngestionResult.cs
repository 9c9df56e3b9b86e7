using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>The outcome of one batch: accepted with the engine version that includes it, or refused with every error.</summary>
public sealed record IngestionResult(int Accepted, long Version, IReadOnlyList<FigureError> Errors, ApplyResult? Applied)
{
    public bool IsAccepted => Errors.Count == 0;

    public static IngestionResult Rejected(IReadOnlyList<FigureError> errors, long version) => new(0, version, errors, null);
}
