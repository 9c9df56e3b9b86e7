using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;

namespace ThiDua.Dashboard.Export;

/// <summary>
/// The boards as export rows: per block, its groups in campaign order and then "Chưa xếp nhóm",
/// each board's entries in rank order. Pure: the caller brings the standings and the breakdowns.
/// </summary>
public static class LeaderboardExport
{
    public const string BaseName = "bang-xep-hang";
    public const string NotGrouped = "Chưa xếp nhóm";

    /// <summary>Headers of the workbook's block sheets: group, rank, unit, score, dossiers, movement, then one column per content.</summary>
    public static IReadOnlyList<string> Columns(CampaignRules rules) =>
    [
        ExportColumns.Group, ExportColumns.Rank, ExportColumns.UnitCode, ExportColumns.Unit, ExportColumns.Score,
        ExportColumns.Dossiers, ExportColumns.Movement, .. rules.Indicators.Select(ExportColumns.Content),
    ];

    /// <summary>One sheet per block of the campaign (in campaign order), named after the block.</summary>
    public static IReadOnlyList<ExportSheet> BlockSheets(CampaignRules rules, Standings standings, IReadOnlyDictionary<string, UnitScore> scores)
    {
        var columns = Columns(rules);
        return [.. rules.Blocks.Select(block => new ExportSheet(block.Name, columns, [.. Rows(rules, block, standings, scores)]))];
    }

    /// <summary>Every board entry of every block in one table, with the block's name first (the CSV file).</summary>
    public static ExportSheet Table(CampaignRules rules, Standings standings, IReadOnlyDictionary<string, UnitScore> scores) =>
        new(BaseName, [ExportColumns.Block, .. Columns(rules)],
            [.. rules.Blocks.SelectMany(block => Rows(rules, block, standings, scores)
                .Select(row => (IReadOnlyList<object?>)[block.Name, .. row]))]);

    private static IEnumerable<IReadOnlyList<object?>> Rows(CampaignRules rules, BlockRules block, Standings standings,
        IReadOnlyDictionary<string, UnitScore> scores)
    {
        var groupOrder = rules.Groups.Where(g => g.Block == block.Code).Select(g => g.Code).ToList();
        var boards = standings.Boards
            .Where(b => b.Key.Block == block.Code)
            .OrderBy(b => b.Key.Group is { } group && groupOrder.IndexOf(group) is var i and >= 0 ? i : int.MaxValue);
        foreach (var board in boards)
            foreach (var entry in board.Entries)
                yield return Row(rules, board, entry, scores.GetValueOrDefault(entry.Unit));
    }

    private static IReadOnlyList<object?> Row(CampaignRules rules, Board board, BoardEntry entry, UnitScore? score)
    {
        var row = new List<object?>(7 + rules.Indicators.Count)
        {
            board.Key.Group is null ? NotGrouped : board.GroupName ?? board.Key.Group,
            entry.Rank,
            entry.Unit,
            entry.Name,
            entry.Score,
            entry.Dossiers,
            entry.Movement,
        };
        foreach (var indicator in rules.Indicators) row.Add(Points(score, indicator.Code));
        return row;
    }

    /// <summary>
    /// A content's points as shown (two decimals). Empty when the content does not count for the
    /// unit: not applicable to its block, or nothing arose and the plan leaves it out — a 0 there
    /// would read as points lost.
    /// </summary>
    public static decimal? Points(UnitScore? score, string indicator)
    {
        var content = score?.Contents.FirstOrDefault(c => c.Indicator == indicator);
        if (content is null || content.State == ContentState.NotApplicable) return null;
        if (content.State == ContentState.NothingArose && content.Available == 0m) return null;
        return ScoreMath.Shown(content.Points);
    }
}
