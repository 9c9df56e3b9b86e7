namespace ThiDua.Browser.Tests.Hosting;

/// <summary>
/// Figure sets with scores that are easy to read off: every rate content except "c" is reported as
/// "nothing arose" (denominator 0, excluded by the plan), so a ward's score is
/// 100 × min(1, rate of c ÷ 0.8) and 6,996 of 10,000 gives exactly 87,45.
/// </summary>
public static class Figures
{
    /// <summary>Before the campaign end (2024-12-14, the live as-of date), so it shows on the live board.</summary>
    public const string AsOf = "2024-06-30";

    private static readonly string[] ExcludedContents = ["a", "b", "d", "dd", "e", "g", "h", "i"];

    /// <summary>A ward or commune whose only scored content is c, at the given number of dossiers.</summary>
    public static object[] OnlyContentC(string unit, long numerator, long dossiers, string asOf = AsOf) =>
    [
        AppHost.Rate(unit, "c", numerator, 10_000, asOf),
        AppHost.Dossiers(unit, dossiers, asOf),
        .. ExcludedContents.Select(code => AppHost.Rate(unit, code, 0, 0, asOf)),
    ];
}
