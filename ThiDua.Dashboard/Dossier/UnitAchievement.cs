using ThiDua.Scoring.Scoring;

namespace ThiDua.Dashboard.Dossier;

/// <summary>One content of a unit's report: the plan's letter and name with the unit's own figures.</summary>
public sealed record AchievementContent(string Letter, string Name, ContentState State, long? Numerator, long? Denominator, decimal? Rate,
    decimal Points, decimal MaxPoints);

/// <summary>
/// What a unit's báo cáo thành tích prints of its own figures as of a date. Built for any unit,
/// proposed or not: a unit prepares its report before the selection, so <see cref="ProposedFor"/>
/// only says whether the current proposal names it.
/// </summary>
/// <param name="Superior">The unit's superior body as the header prints it (capitals).</param>
/// <param name="Issuer">The unit as the issuing body (capitals).</param>
/// <param name="FullName">The collective's full name, as the report's title names it.</param>
/// <param name="Rank">0 when the unit is on no board at the date.</param>
/// <param name="ProposedFor">The slot the proposal names it for; null when it is not proposed.</param>
public sealed record UnitAchievement(
    string Unit,
    string Superior,
    string Issuer,
    string FullName,
    string BlockName,
    string? GroupName,
    int Rank,
    int BoardSize,
    decimal Score,
    long? Dossiers,
    IReadOnlyList<AchievementContent> Contents,
    string? ProposedFor);
