namespace ThiDua.Scoring.Figures;

/// <summary>
/// One reported figure: cumulative from the period start, as of a date. <see cref="Indicator"/>
/// is a content code, or <see cref="Dossiers"/> for the number of dossiers resolved (then
/// <see cref="Numerator"/> is the count and <see cref="Denominator"/> is null).
/// </summary>
public readonly record struct Figure(string Unit, string Indicator, DateOnly AsOf, long Numerator, long? Denominator)
{
    public const string Dossiers = "dossiers";

    public bool IsDossiers => Indicator == Dossiers;
}
