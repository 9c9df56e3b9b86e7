namespace ThiDua.Scoring.Awards;

public enum AwardKind
{
    /// <summary>Filled by rank: the top of a group among eligible units.</summary>
    Rank,
    /// <summary>Chosen by the award committee; the engine never fills it.</summary>
    Committee,
}

public sealed record ProposedUnit(string Unit, string Name, int Rank, decimal Score);

/// <summary>A unit ranked above the last proposed one that could not be proposed, and why (Vietnamese sentences).</summary>
public sealed record PassedOverUnit(string Unit, string Name, int Rank, decimal Score, IReadOnlyList<string> Reasons);

/// <summary>One award slot of the plan (a group's rank slots, or a block's committee slot).</summary>
/// <param name="Group">The size group; null for a committee slot.</param>
/// <param name="Code">The committee slot's code; null for a group's slots.</param>
/// <param name="Tied">The last slot is shared: <see cref="Proposed"/> holds every tied unit and the committee decides.</param>
public sealed record AwardSlot(
    string Block,
    string? Group,
    string? Code,
    string Name,
    AwardKind Kind,
    int Count,
    bool Tied,
    IReadOnlyList<ProposedUnit> Proposed,
    IReadOnlyList<PassedOverUnit> PassedOver);

public sealed record AwardProposal(DateOnly AsOf, long Version, IReadOnlyList<AwardSlot> Slots);
