namespace ThiDua.Scoring.Scoring;

/// <summary>One content of a unit's score, as of a date.</summary>
/// <param name="Numerator">As reported; null when there is no figure.</param>
/// <param name="Rate">Numerator ÷ denominator, only in state <see cref="ContentState.Rate"/>.</param>
/// <param name="Points">Points counted (0 when excluded), unrounded.</param>
/// <param name="Available">Points this content adds to the available total (0 when excluded).</param>
/// <param name="AsOf">As-of date of the figure used; null when there is none.</param>
public sealed record ContentScore(
    string Indicator,
    ContentState State,
    long? Numerator,
    long? Denominator,
    decimal? Rate,
    decimal Points,
    decimal MaxPoints,
    decimal Available,
    DateOnly? AsOf);
