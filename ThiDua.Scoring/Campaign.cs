using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;

namespace ThiDua.Scoring;

/// <summary>
/// A validated campaign compiled for fast lookups: blocks, indicators and boards by index.
/// Every block's boards are its groups in configuration order, then its "not grouped" board.
/// </summary>
public sealed class Campaign
{
    private readonly Dictionary<string, int> _blockIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _indicatorIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<BoardKey, int> _boardIndex = new();

    public Campaign(CampaignRules rules)
    {
        var validation = RulesValidator.Validate(rules);
        if (!validation.IsValid)
            throw new ArgumentException("Quy định đợt thi đua không hợp lệ: " +
                string.Join(" ", validation.Errors.Select(e => $"[{e.Key}] {e.Message}")), nameof(rules));

        Rules = rules;
        Warnings = validation.Warnings;
        Blocks = [.. rules.Blocks];
        Indicators = [.. rules.Indicators];
        for (var b = 0; b < Blocks.Length; b++) _blockIndex[Blocks[b].Code] = b;
        for (var i = 0; i < Indicators.Length; i++) _indicatorIndex[Indicators[i].Code] = i;

        Applies = new bool[Indicators.Length, Blocks.Length];
        for (var i = 0; i < Indicators.Length; i++)
            foreach (var block in Indicators[i].AppliesTo)
                Applies[i, _blockIndex[block]] = true;

        var boards = new List<BoardDefinition>();
        GroupBoardsOfBlock = new int[Blocks.Length][];
        NotGroupedBoardOfBlock = new int[Blocks.Length];
        for (var b = 0; b < Blocks.Length; b++)
        {
            var groups = new List<int>();
            foreach (var group in rules.Groups.Where(g => g.Block == Blocks[b].Code))
            {
                groups.Add(boards.Count);
                boards.Add(new BoardDefinition(boards.Count, b, group, new BoardKey(Blocks[b].Code, group.Code)));
            }
            GroupBoardsOfBlock[b] = [.. groups];
            NotGroupedBoardOfBlock[b] = boards.Count;
            boards.Add(new BoardDefinition(boards.Count, b, null, new BoardKey(Blocks[b].Code, null)));
        }
        Boards = [.. boards];
        foreach (var board in Boards) _boardIndex[board.Key] = board.Id;

        TieBreakers = [.. rules.TieBreakers.Select(code => _indicatorIndex[code])];
    }

    public CampaignRules Rules { get; }

    /// <summary>Warnings of the rules (e.g. dossier counts that fall in no group).</summary>
    public IReadOnlyList<RuleIssue> Warnings { get; }

    internal BlockRules[] Blocks { get; }
    internal IndicatorRules[] Indicators { get; }
    internal bool[,] Applies { get; }
    internal BoardDefinition[] Boards { get; }
    internal int[][] GroupBoardsOfBlock { get; }
    internal int[] NotGroupedBoardOfBlock { get; }
    internal int[] TieBreakers { get; }

    public int BlockIndexOf(string code) => _blockIndex.TryGetValue(code, out var index) ? index : -1;

    public int IndicatorIndexOf(string code) => _indicatorIndex.TryGetValue(code, out var index) ? index : -1;

    public IndicatorRules? Indicator(string code) => _indicatorIndex.TryGetValue(code, out var index) ? Indicators[index] : null;

    public BlockRules? Block(string code) => _blockIndex.TryGetValue(code, out var index) ? Blocks[index] : null;

    public bool AppliesTo(string indicator, string block) =>
        _indicatorIndex.TryGetValue(indicator, out var i) && _blockIndex.TryGetValue(block, out var b) && Applies[i, b];

    internal int BoardIdOf(BoardKey key) => _boardIndex.TryGetValue(key, out var id) ? id : -1;

    public bool IsInPeriod(DateOnly date) => date >= Rules.PeriodStart && date <= Rules.PeriodEnd;

    /// <summary>The date movement is measured against, or null when it falls before the campaign.</summary>
    public DateOnly? ComparisonDateFor(DateOnly asOf)
    {
        var date = asOf.AddDays(-Rules.ComparisonDays);
        return date < Rules.PeriodStart ? null : date;
    }
}

internal sealed record BoardDefinition(int Id, int Block, GroupRules? Group, BoardKey Key);
