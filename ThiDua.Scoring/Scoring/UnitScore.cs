namespace ThiDua.Scoring.Scoring;

/// <summary>A unit's score as of a date, with its breakdown per content.</summary>
/// <param name="Score">100 × earned ÷ available, unrounded; 0 when nothing is available.</param>
/// <param name="LastReport">Latest as-of date among the unit's figures up to the date asked.</param>
public sealed record UnitScore(
    string Unit,
    decimal Earned,
    decimal Available,
    decimal Score,
    IReadOnlyList<ContentScore> Contents,
    long? Dossiers,
    DateOnly? LastReport)
{
    /// <summary>The score as people read it: two decimals, half away from zero.</summary>
    public decimal ShownScore => ScoreMath.Shown(Score);
}
