using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Wording;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Print;

/// <summary>A block's boards for A4 landscape, every group one after the other, with the points per content.</summary>
public sealed partial class BoardPrint
{

    [Parameter] public string BlockCode { get; set; } = "";

    private IReadOnlyList<Board> Boards { get; set; } = [];
    private IReadOnlyDictionary<string, UnitScore> Scores { get; set; } = new Dictionary<string, UnitScore>();
    private HashSet<string> Proposed { get; set; } = [];
    private IReadOnlyList<IndicatorRules> Indicators { get; set; } = [];
    private string Generated { get; set; } = "";
    private string? Departures { get; set; }

    /// <summary>The block's board on screen, at the same date when a past one is printed.</summary>
    private string BackHref => PageHref($"/bang-xep-hang/{Uri.EscapeDataString(BlockCode)}");

    protected override void Load()
    {
        var engine = Host.Engine;
        var standings = engine.StandingsAsOf(AsOf);
        Boards = [.. standings.Boards.Where(b => b.Key.Block == BlockCode)];
        Scores = engine.Scores(Boards.SelectMany(b => b.Entries).Select(e => e.Unit), AsOf);
        Proposed = [.. engine.Awards(AsOf).Slots.Where(s => s.Kind == AwardKind.Rank && s.Block == BlockCode).SelectMany(s => s.Proposed).Select(p => p.Unit)];
        Indicators = [.. Host.Rules.Indicators.Where(i => i.AppliesTo.Contains(BlockCode))];
        Generated = Host.CampaignNow().ToString("HH:mm dd/MM/yyyy");
        Departures = UnitChanges.BoardNote(engine.Units.Where(u => u.Block == BlockCode), engine.Unit);
    }

    private string ContentPoints(string unit, string indicator)
    {
        var content = Scores.GetValueOrDefault(unit)?.Contents.FirstOrDefault(c => c.Indicator == indicator);
        return content is null || content.Available == 0m ? "–" : Vi.Number(content.Points);
    }
}
