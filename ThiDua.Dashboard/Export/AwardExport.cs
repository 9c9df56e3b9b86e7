using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Dashboard.Wording;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;

namespace ThiDua.Dashboard.Export;

/// <summary>The award proposal as export rows: per slot (plan order), its proposed and passed-over units by rank.</summary>
public static class AwardExport
{
    public const string BaseName = "de-xuat-khen-thuong";
    public const string SheetName = "Đề xuất khen thưởng";

    public const string Proposed = "Đề xuất";
    public const string PassedOver = "Không đủ điều kiện";
    public const string ByRank = "Theo hạng";
    public const string ByCommittee = Wording.ReviewChain.BySelection;
    public const string Yes = "Có";
    public const string No = "Không";

    public static readonly IReadOnlyList<string> Columns =
    [
        ExportColumns.Block, ExportColumns.Group, ExportColumns.Kind, ExportColumns.Rank, ExportColumns.UnitCode, ExportColumns.Unit,
        ExportColumns.Score, ExportColumns.Tied, ExportColumns.Decision, ExportColumns.Reasons,
    ];

    /// <summary>The value of <see cref="ExportColumns.Decision"/> for a unit of the list the City Office fixed.</summary>
    public const string InFixedList = "Trong danh sách đề nghị đã chốt";

    /// <summary>The same for a unit the Chairman's decision awards.</summary>
    public const string Awarded = "Được tặng Bằng khen";

    /// <summary>The first cell of the line that names the decision, after the units.</summary>
    public const string DecisionLine = "Quyết định khen thưởng";

    /// <summary>The live proposal: one row per proposed or passed-over unit; the same table serves the workbook and the CSV file.</summary>
    public static ExportSheet Sheet(CampaignRules rules, AwardProposal proposal) =>
        new(SheetName, Columns, [.. proposal.Slots.SelectMany(slot => Rows(rules, ProposalSlotDto.From(slot, []), fixedList: false, Proposed))]);

    /// <summary>
    /// The proposal as it stands: live while draft; once fixed, the units the City Office selected (the
    /// passed-over ones as they were at the selection), and once decided a last line with the decision.
    /// </summary>
    public static ExportSheet Sheet(CampaignRules rules, ProposalDto proposal)
    {
        var chosen = proposal.Decision is not null ? Awarded : proposal.IsFixed ? InFixedList : Proposed;
        var rows = proposal.Slots.SelectMany(slot => Rows(rules, slot, proposal.IsFixed, chosen)).ToList();
        if (AwardStanding.Line(proposal) is { } line) rows.Add([DecisionLine, line]);
        return new(SheetName, Columns, rows);
    }

    private static IEnumerable<IReadOnlyList<object?>> Rows(CampaignRules rules, ProposalSlotDto slot, bool fixedList, string chosen)
    {
        var block = rules.Blocks.FirstOrDefault(b => b.Code == slot.Block)?.Name ?? slot.Block;
        var group = slot.Group is { } code
            ? rules.Groups.FirstOrDefault(g => g.Block == slot.Block && g.Code == code)?.Name ?? slot.Name
            : null;
        var kind = slot.Kind == AwardKind.Committee ? $"{ByCommittee}: {slot.Name}" : ByRank;
        // When the last slot is shared, every unit at the last proposed rank is tied for it; once fixed, the
        // selection settled the tie and its reason says how.
        var tiedRank = slot.Tied && slot.Proposed.Count > 0 ? slot.Proposed[^1].Rank : (int?)null;

        var listed = fixedList
            ? slot.Selected.Select(s => (s.Rank, s.Unit, s.Name, s.Score, Decision: chosen,
                Reasons: s.Reason is { } reason ? (IReadOnlyList<string>)[$"Lý do chọn: {reason}."] : []))
            // A proposed unit the City Office has not yet assessed against NQ 02 stays proposed, flagged.
            : slot.Proposed.Select(p => (p.Rank, p.Unit, p.Name, p.Score, Decision: chosen,
                Reasons: p.StandardAssessed ? (IReadOnlyList<string>)[] : [$"{StandardTexts.Nq02NotAssessed}."]));
        var units = listed
            .Concat(slot.PassedOver.Select(p => (p.Rank, p.Unit, p.Name, p.Score, Decision: PassedOver, p.Reasons)))
            .OrderBy(u => u.Rank); // stable: at one rank, listed units stay first
        // A committee slot's condition that does not hold (yet) is said on each of its rows.
        var condition = slot.ConditionMet is not true ? slot.Condition : null;
        foreach (var unit in units)
            yield return
            [
                block, group, kind, unit.Rank, unit.Unit, unit.Name, ScoreMath.Shown(unit.Score),
                !fixedList && unit.Rank == tiedRank && unit.Decision == chosen ? Yes : No,
                unit.Decision, Join(unit.Reasons, unit.Decision == chosen ? condition : null),
            ];
    }

    private static string? Join(IReadOnlyList<string> reasons, string? condition)
    {
        IEnumerable<string> all = condition is null ? reasons : [.. reasons, condition];
        return all.Any() ? string.Join(" ", all) : null;
    }
}
