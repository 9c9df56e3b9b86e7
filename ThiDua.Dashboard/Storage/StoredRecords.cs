using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Storage;

/// <summary>A figure as stored: its arrival order (<paramref name="Id"/>), batch and provenance.</summary>
public sealed record StoredFigure(long Id, long BatchId, Figure Figure, string Source, string By, DateTimeOffset ReceivedAt);

/// <summary>
/// A committed change: the batch row that records it and the engine version it produced.
/// <paramref name="FigureCount"/> is 0 for a change without figures (a unit edit).
/// </summary>
public sealed record StoredBatch(long BatchId, long Version, int FigureCount);

/// <summary>
/// The outcome of a unit edit. When <paramref name="Changed"/> is false the stored unit already
/// had those values, nothing was written and <paramref name="Version"/> is the current version.
/// </summary>
public sealed record UnitUpdate(UnitInfo Unit, long Version, bool Changed);

/// <summary>Everything the engine is rebuilt from, read in one snapshot: units by code, figures in arrival order.</summary>
public sealed record StorageSnapshot(IReadOnlyList<UnitInfo> Units, IReadOnlyList<StoredFigure> Figures, long Version);
