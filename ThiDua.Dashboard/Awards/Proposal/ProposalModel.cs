using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Dashboard.Api;
using ThiDua.Scoring.Awards;

namespace ThiDua.Dashboard.Awards.Proposal;

/// <summary>A unit the City Office chose for a slot, with its reason when it departs from the rank order (a tie).</summary>
public sealed record SelectedUnitDto(string Unit, string Name, int Rank, decimal Score, string? Reason);

/// <summary>
/// A slot of <c>GET /api/v1/awards</c> plus <see cref="Selected"/>. <see cref="Id"/> names the slot in a
/// selection's <c>choices</c>: "block/group" for a group's rank slots, "block/code" for a committee slot.
/// </summary>
public sealed record ProposalSlotDto(string Id, string Block, string? Group, string? Code, string Name, AwardKind Kind, int Count, bool Tied,
    IReadOnlyList<ProposedDto> Proposed, IReadOnlyList<PassedOverDto> PassedOver, bool? ConditionMet, string? Condition,
    IReadOnlyList<SelectedUnitDto> Selected)
{
    public static string IdOf(AwardSlot slot) => $"{slot.Block}/{slot.Group ?? slot.Code}";

    public static ProposalSlotDto From(AwardSlot slot, IReadOnlyList<SelectedUnitDto> selected)
    {
        var s = AwardSlotDto.From(slot);
        return new(IdOf(slot), s.Block, s.Group, s.Code, s.Name, s.Kind, s.Count, s.Tied, s.Proposed, s.PassedOver, s.ConditionMet, s.Condition, selected);
    }
}

/// <summary>A person proposed for the Bằng khen, as listed (draft) or as fixed with the selection.</summary>
/// <param name="Duty"><c>motCua</c> (works at the one-stop desk), <c>kiemSoatTthc</c> (controls administrative procedures), or null (not stated).</param>
public sealed record ProposalIndividualDto(long Id, string FullName, string Position, string Unit, string UnitName, string? Duty, string Achievement);

/// <summary>One step of the review chain: <see cref="State"/> is the step taken (selected, appraised, returned, decided, reopened).</summary>
public sealed record ProposalStepDto(string State, DateTimeOffset At, string By, string? Note);

public sealed record DecisionDto(string Number, DateOnly Date, string Signer);

/// <summary>
/// <c>GET /api/v1/awards/proposal</c>. While <c>draft</c> the slots follow the live boards as of
/// <see cref="AsOf"/> and nothing is selected; from <c>selected</c> on they are the list the City Office
/// fixed (as of the date it chose), whatever figures arrive after.
/// </summary>
/// <param name="FixedAt">When the list shown was fixed; null while draft.</param>
public sealed record ProposalDto(string State, DateOnly AsOf, long Version, IReadOnlyList<ProposalSlotDto> Slots,
    IReadOnlyList<ProposalIndividualDto> Individuals, IReadOnlyList<ProposalStepDto> History, DecisionDto? Decision, DateTimeOffset? FixedAt)
{
    public bool IsFixed => State != ProposalStates.Draft;

    /// <summary>The units the proposal awards: selected once fixed, proposed by rank or nomination while draft.</summary>
    public IReadOnlySet<string> CollectiveUnits() =>
        (IsFixed ? Slots.SelectMany(s => s.Selected).Select(s => s.Unit) : Slots.SelectMany(s => s.Proposed).Select(p => p.Unit)).ToHashSet();
}

/// <summary>The list a selection fixes, kept as JSON on its step.</summary>
public sealed record FixedProposal(DateOnly AsOf, long Version, IReadOnlyList<ProposalSlotDto> Slots, IReadOnlyList<ProposalIndividualDto> Individuals)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FixedProposal FromJson(string json) =>
        JsonSerializer.Deserialize<FixedProposal>(json, Json) ?? throw new InvalidDataException("A selection step holds no fixed proposal.");
}
