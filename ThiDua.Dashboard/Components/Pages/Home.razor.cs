using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Wording;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>The overview: every block's groups with their leaders, city-wide rates, and the live feed.</summary>
public sealed partial class Home
{
    private const int FeedLength = 12;

    private FigureHistoryQueries FigureHistory => Campaign.Get<FigureHistoryQueries>();
    [Inject] private IJSRuntime JS { get; set; } = default!;
    private ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow Workflow => Campaign.Get<ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow>();

    /// <summary>"Đơn vị của tôi", as chosen on a board and remembered by this browser; read after the first render.</summary>
    private string? MyUnit { get; set; }

    /// <summary>The own unit where it stands today, for the card that comes first.</summary>
    private MyPlace? Mine
    {
        get
        {
            if (MyUnit is null || Standings is null) return null;
            foreach (var board in Standings.Boards)
                foreach (var entry in board.Entries)
                    if (entry.Unit == MyUnit) return new MyPlace(board, entry, Reported.Contains(MyUnit));
            return null;
        }
    }

    private sealed record MyPlace(Board Board, BoardEntry Entry, bool HasData);

    private Standings? Standings { get; set; }
    private IReadOnlySet<string> Proposed { get; set; } = new HashSet<string>();

    /// <summary>The award list the marks follow: the live proposal while draft, the fixed list once selected.</summary>
    private ThiDua.Dashboard.Awards.Proposal.ProposalDto? Review { get; set; }

    /// <summary>Units with at least one figure: a unit at 0,00 for want of any figure is listed nowhere as a leader.</summary>
    private HashSet<string> Reported { get; set; } = [];
    private IReadOnlyList<CityRate> CityRates { get; set; } = [];
    private IReadOnlyList<FeedLine> Feed { get; set; } = [];

    private sealed record CityRate(string Code, string Name, decimal? Rate, decimal Threshold);

    private sealed record FeedLine(long Id, string Time, string Text);

    protected override void Load()
    {
        var engine = Host.Engine;
        Standings = engine.StandingsAsOf(AsOf);

        var scores = engine.Scores(Standings.Boards.SelectMany(b => b.Entries).Select(e => e.Unit), AsOf).Values.ToList();
        Reported = [.. scores.Where(s => s.LastReport is not null).Select(s => s.Unit)];
        CityRates = [.. Host.Rules.Indicators.Select(indicator =>
        {
            var reported = scores.SelectMany(s => s.Contents).Where(c => c.Indicator == indicator.Code && c.State == ContentState.Rate).ToList();
            var denominator = reported.Sum(c => c.Denominator!.Value);
            return new CityRate(indicator.Code, indicator.Name, denominator == 0 ? null : (decimal)reported.Sum(c => c.Numerator!.Value) / denominator, indicator.FullCreditAt);
        })];
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        // Remembered in the browser's storage, which a prerender cannot read.
        var mine = await JS.InvokeAsync<string?>("thidua.getMyUnit");
        if (mine is not null && Host.Engine.Unit(mine) is not null)
        {
            MyUnit = mine;
            StateHasChanged();
        }
    }

    protected override async Task LoadAsync()
    {
        // Ranked or nominated by the City Office while draft; once the list is fixed, only its units
        // hold an award, whatever the figures since.
        Review = await Workflow.CurrentAsync(AsOf);
        Proposed = Review.CollectiveUnits();
        var latest = await FigureHistory.LatestAsync(FeedLength, IsPast ? AsOf : null);
        Feed = [.. latest.Select(f => new FeedLine(f.Id, Host.CampaignTime(f.ReceivedAt).ToString("HH:mm:ss"), Describe(f)))];
    }

    /// <summary>"Phường An Hòa cập nhật chỉ tiêu c: 82,50%".</summary>
    private string Describe(StoredFigure stored)
    {
        var figure = stored.Figure;
        var name = Host.Engine.Unit(figure.Unit)?.Name ?? figure.Unit;
        if (figure.IsDossiers) return $"{name} cập nhật số hồ sơ giải quyết: {Vi.Count(figure.Numerator)} (ngày {Vi.Date(figure.AsOf)})";
        var value = figure.Denominator is > 0 and var d ? Vi.Percent((decimal)figure.Numerator / d) : "không phát sinh";
        return $"{name} cập nhật chỉ tiêu {Vi.ContentLetter(figure.Indicator)}: {value}";
    }

    private string UnitHref(string unit) => PageHref($"/don-vi/{unit}");

    private string BlockHref(string block) => PageHref($"/bang-xep-hang/{block}");

    /// <summary>The top three, or as many as the award slots when there are more.</summary>
    private static int TopCount(Board board) => Math.Max(3, board.AwardSlots);

    private static string SlotText(Board board) => board.AwardSlots > 0 ? $"· {board.AwardSlots} suất khen" : "";

    private string ChangedText(BoardKey key)
    {
        if (Host.BoardChangedAt(key) is not { } at) return "chưa có thay đổi";
        var local = Host.CampaignTime(at);
        return $"thay đổi lúc {local:HH:mm dd/MM/yyyy}";
    }

    private static string Percent(decimal fraction) =>
        (Math.Min(1m, Math.Max(0m, fraction)) * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string RateAria(CityRate rate) =>
        $"Tỷ lệ {(rate.Rate is { } r ? Vi.Percent(r) : "chưa có")}, ngưỡng {Vi.Percent(rate.Threshold)}";
}
