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

    /// <summary>One row per proposed or passed-over unit; the same table serves the workbook and the CSV file.</summary>
    public static ExportSheet Sheet(CampaignRules rules, AwardProposal proposal) =>
        new(SheetName, Columns, [.. proposal.Slots.SelectMany(slot => Rows(rules, slot))]);

    private static IEnumerable<IReadOnlyList<object?>> Rows(CampaignRules rules, AwardSlot slot)
    {
        var block = rules.Blocks.FirstOrDefault(b => b.Code == slot.Block)?.Name ?? slot.Block;
        var group = slot.Group is { } code
            ? rules.Groups.FirstOrDefault(g => g.Block == slot.Block && g.Code == code)?.Name ?? slot.Name
            : null;
        var kind = slot.Kind == AwardKind.Committee ? $"{ByCommittee}: {slot.Name}" : ByRank;
        // When the last slot is shared, every unit at the last proposed rank is tied for it.
        var tiedRank = slot.Tied && slot.Proposed.Count > 0 ? slot.Proposed[^1].Rank : (int?)null;

        var units = slot.Proposed
            // A proposed unit the City Office has not yet assessed against NQ 02 stays proposed, flagged.
            .Select(p => (p.Rank, p.Unit, p.Name, p.Score, Decision: Proposed,
                Reasons: p.StandardAssessed ? (IReadOnlyList<string>)[] : [$"{StandardTexts.Nq02NotAssessed}."]))
            .Concat(slot.PassedOver.Select(p => (p.Rank, p.Unit, p.Name, p.Score, Decision: PassedOver, p.Reasons)))
            .OrderBy(u => u.Rank); // stable: at one rank, proposed units stay first
        // A committee slot's condition that does not hold (yet) is said on each of its rows.
        var condition = slot.Condition is { Met: not true } c ? c.Text : null;
        foreach (var unit in units)
            yield return
            [
                block, group, kind, unit.Rank, unit.Unit, unit.Name, ScoreMath.Shown(unit.Score),
                unit.Rank == tiedRank && unit.Decision == Proposed ? Yes : No,
                unit.Decision, Join(unit.Reasons, unit.Decision == Proposed ? condition : null),
            ];
    }

    private static string? Join(IReadOnlyList<string> reasons, string? condition)
    {
        IEnumerable<string> all = condition is null ? reasons : [.. reasons, condition];
        return all.Any() ? string.Join(" ", all) : null;
    }
}
