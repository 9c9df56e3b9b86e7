namespace ThiDua.Scoring.Awards;

public enum AwardKind
{
    /// <summary>Filled by rank: the top of a group among eligible units.</summary>
    Rank,
    /// <summary>Chosen by the award committee; the engine never fills it.</summary>
    Committee,
}

/// <param name="StandardAssessed">The City Office has recorded its Nghị quyết 02 assessment of the unit (a proposed unit is never assessed "not met").</param>
public sealed record ProposedUnit(string Unit, string Name, int Rank, decimal Score, bool StandardAssessed = true);

/// <summary>A unit ranked above the last proposed one that could not be proposed, and why (Vietnamese sentences).</summary>
public sealed record PassedOverUnit(string Unit, string Name, int Rank, decimal Score, IReadOnlyList<string> Reasons);

/// <summary>One award slot of the plan (a group's rank slots, or a block's committee slot).</summary>
/// <param name="Group">The size group; null for a committee slot.</param>
/// <param name="Code">The committee slot's code; null for a group's slots.</param>
/// <param name="Tied">The last slot is shared: <see cref="Proposed"/> holds every tied unit and the committee decides.</param>
/// <param name="Condition">A committee slot's condition on the city's 766 classification; null when it has none.</param>
public sealed record AwardSlot(
    string Block,
    string? Group,
    string? Code,
    string Name,
    AwardKind Kind,
    int Count,
    bool Tied,
    IReadOnlyList<ProposedUnit> Proposed,
    IReadOnlyList<PassedOverUnit> PassedOver,
    SlotCondition? Condition = null);

public sealed record AwardProposal(DateOnly AsOf, long Version, IReadOnlyList<AwardSlot> Slots);
