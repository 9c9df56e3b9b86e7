using ThiDua.Scoring.Awards;

namespace ThiDua.Scoring.Units;

/// <summary>A competing unit (department, district, ward, commune) as the engine needs it.</summary>
/// <param name="ActiveFrom">First active day, inclusive; null when open.</param>
/// <param name="ActiveTo">Last active day, inclusive; null when open.</param>
/// <param name="MergedInto">Code of the unit it was merged into after <paramref name="ActiveTo"/>.</param>
/// <param name="RegisteredOn">When its registration for the campaign was recorded; null when not recorded.</param>
/// <param name="Nq02">The City Office's assessment against Nghị quyết 02/NQ-CP; null while not assessed.</param>
/// <param name="Nq02Note">The note recorded with that assessment.</param>
public sealed record UnitInfo(
    string Code,
    string Name,
    string Block,
    string? District = null,
    DateOnly? ActiveFrom = null,
    DateOnly? ActiveTo = null,
    string? MergedInto = null,
    DateOnly? RegisteredOn = null,
    Nq02Assessment? Nq02 = null,
    string? Nq02Note = null)
{
    public bool IsActiveOn(DateOnly date) =>
        (ActiveFrom is not { } from || date >= from) && (ActiveTo is not { } to || date <= to);
}
