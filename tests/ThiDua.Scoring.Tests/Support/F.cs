using ThiDua.Scoring.Figures;

namespace ThiDua.Scoring.Tests.Support;

/// <summary>Short figure constructors for readable tests.</summary>
internal static class F
{
    public static readonly DateOnly Day = new(2024, 6, 30);

    public static Figure Rate(string unit, string indicator, long numerator, long denominator, DateOnly? asOf = null) =>
        new(unit, indicator, asOf ?? Day, numerator, denominator);

    public static Figure Dossiers(string unit, long count, DateOnly? asOf = null) =>
        new(unit, Figure.Dossiers, asOf ?? Day, count, null);
}
