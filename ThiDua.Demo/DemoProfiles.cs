namespace ThiDua.Demo;

/// <summary>
/// How each content behaves in the simulation. The campaign's contents are configuration, so an
/// unknown code falls back to a plain "share of the dossiers received" profile.
/// </summary>
/// <param name="DenominatorMin">Final denominator as a share of the unit's dossiers (or a count when <paramref name="IsCount"/>).</param>
/// <param name="RateOffset">Added to the unit's quality: harder contents sit lower.</param>
/// <param name="NothingAroseChance">Chance that nothing arises all year (denominator 0).</param>
/// <param name="FixedRate">When set, the final rate is drawn from this range whatever the unit's quality.</param>
/// <param name="PerfectChance">Chance that the final rate is exactly 100%.</param>
internal sealed record ContentProfile(
    double DenominatorMin,
    double DenominatorMax,
    double RateOffset,
    bool IsCount = false,
    double NothingAroseChance = 0,
    (double Min, double Max)? FixedRate = null,
    double PerfectChance = 0)
{
    private static readonly ContentProfile _default = new(0.95, 1.03, 0);

    // Shares of the dossiers resolved; the rates come from the national 766 portal's usual
    // pattern: digitisation and data reuse lag, synchronisation and electronic results run high.
    private static readonly Dictionary<string, ContentProfile> _byCode = new(StringComparer.Ordinal)
    {
        // Dossiers of procedures eligible for full online service.
        ["a"] = new(0.55, 0.85, -0.02),
        // Dossiers of procedures with a fee.
        ["b"] = new(0.25, 0.55, -0.08),
        ["c"] = new(1.00, 1.04, 0.00),
        ["d"] = new(0.97, 1.00, 0.04),
        ["dd"] = new(1.00, 1.04, -0.15),
        // Procedures to publish: a count of decisions, not of dossiers.
        ["e"] = new(8, 120, 0.08, IsCount: true),
        ["g"] = new(1.00, 1.04, 0.05),
        // Petitions are rare: a few per thousand dossiers, and often none at all.
        ["h"] = new(0.0005, 0.004, 0, NothingAroseChance: 0.3, FixedRate: (0.75, 0.97), PerfectChance: 0.65),
        // Ratings given by people, nearly all satisfied.
        ["i"] = new(0.35, 0.80, 0, FixedRate: (0.95, 1.0), PerfectChance: 0.2),
    };

    public static ContentProfile For(string code) => _byCode.GetValueOrDefault(code, _default);
}

/// <summary>
/// Units known to resolve many dossiers (Cần Thơ's departments that carry most of the Public
/// Administration Service Center's 120,671 dossiers of 2024): placed in the larger size groups and
/// never made silent, so the demo looks like the city. Unknown codes are placed at random.
/// </summary>
internal static class KnownSizes
{
    private static readonly HashSet<string> _large = new(StringComparer.Ordinal)
    {
        "so-tai-nguyen-moi-truong", "so-tu-phap", "so-giao-thong-van-tai", "so-ke-hoach-dau-tu", "so-y-te",
        "so-lao-dong-tbxh", "so-cong-thuong", "so-xay-dung", "so-giao-duc-dao-tao", "so-nong-nghiep-ptnt",
    };

    public static bool IsLarge(string code) => _large.Contains(code);
}

/// <summary>The range of content rates a block's units reach by the end of the year.</summary>
internal readonly record struct RateRange(double Min, double Max)
{
    private static readonly Dictionary<string, RateRange> _byBlock = new(StringComparer.Ordinal)
    {
        ["so-nganh"] = new(0.70, 0.98),
        ["quan-huyen"] = new(0.60, 0.95),
        ["phuong"] = new(0.40, 0.95),
        ["xa"] = new(0.40, 0.95),
    };

    public static RateRange For(string block) => _byBlock.GetValueOrDefault(block, new RateRange(0.50, 0.95));
}

/// <summary>The shape of a year of dossiers: quiet weekends, the Tết break, a rush before the period ends.</summary>
internal static class Season
{
    // Lunar New Year's day; offices close for about a week around it.
    private static readonly DateOnly[] _tet =
    [
        new(2023, 1, 22), new(2024, 2, 10), new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26),
    ];

    public static double Weight(DateOnly day, DateOnly periodEnd)
    {
        var weight = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => 0.35,
            DayOfWeek.Sunday => 0.05,
            _ => 1.0,
        };
        foreach (var tet in _tet)
            if (day >= tet.AddDays(-6) && day <= tet.AddDays(7))
                weight *= 0.3;
        if (day > periodEnd.AddDays(-45))
            weight *= 1.15;
        return weight;
    }
}
