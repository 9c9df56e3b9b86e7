using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Wording;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Explanations;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>One unit: score and rank, the breakdown with the formula, what it takes, its history.</summary>
public sealed partial class UnitPage
{
    private const int FigureLimit = 200;

    private StandingsHistory StandingsHistory => Campaign.Get<StandingsHistory>();
    private FigureHistoryQueries FigureHistory => Campaign.Get<FigureHistoryQueries>();
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    private ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow Workflow => Campaign.Get<ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow>();

    [Parameter] public string UnitCode { get; set; } = "";

    private UnitInfo? Unit { get; set; }
    private UnitReport? Report { get; set; }
    private IReadOnlyList<StoredFigure> Figures { get; set; } = [];
    // One series, named by the heading above it: a legend would only take room a phone lacks.
    private static readonly LineChartOptions ScoreChartOptions = new() { ShowLegend = false };

    private List<ChartSeries<double>> ScoreSeries { get; set; } = [];
    private IReadOnlyList<DateOnly> RankDates { get; set; } = [];
    private IReadOnlyList<RankSeries> RankSeries { get; set; } = [];
    private string[] ChartLabels { get; set; } = [];

    private string BlockName => Host.Campaign.Block(Unit!.Block)?.Name ?? Unit.Block;
    private string MergedName => Unit?.MergedInto is { } code ? Host.Engine.Unit(code)?.Name ?? code : "";

    /// <summary>This unit's merger, or the units merged into it, with the date: read from the unit data.</summary>
    private IReadOnlyList<string> Mergers { get; set; } = [];

    private const string NoDataYet = Place.NoDataYet;

    /// <summary>A unit without a single figure has no place to speak of: 0,00 beside others at 0,00 is no "Hạng 1".</summary>
    private bool HasData => Report?.Score.LastReport is not null;

    /// <summary>Units on the unit's board, for "Hạng 12/14".</summary>
    private int BoardSize { get; set; }

    /// <summary>Proposed only because it shares the last rank slot with more units than the slot holds.</summary>
    private bool TiedAtLastSlot { get; set; }

    private string RankText(BoardEntry entry) => Place.Text(entry.Rank, BoardSize, HasData);

    /// <summary>A content that does not count says so; "0,00 / 12" read as a content scored nothing out of 12.</summary>
    private static string PointsText(ContentScore content) => content switch
    {
        { State: ContentState.NotApplicable } => "–",
        { State: ContentState.NothingArose, Available: 0m } => "không tính",
        _ => $"{Vi.Number(content.Points)} / {Vi.Number(content.MaxPoints, 0)}",
    };

    private string AwardLineEmpty =>
        Report is null ? "" :
        Report.Proposed ? "Đơn vị đang trong số được đề xuất khen thưởng." :
        Report.Board is { IsNotGrouped: true } ? "Đơn vị chưa xếp nhóm nên không được xét khen thưởng; cần báo cáo số hồ sơ giải quyết." :
        "Nhóm này không có suất khen theo thứ hạng, hoặc chưa có đơn vị nào đủ điều kiện được đề xuất.";

    protected override void Load()
    {
        Unit = Host.Engine.Unit(UnitCode);
        if (Unit is null)
        {
            // The Vietnamese not-found page, and a 404 status when the page is rendered on the server.
            Navigation.NotFound();
            return;
        }
        Report = Host.Engine.Report(UnitCode, AsOf);
        Mergers = Unit.MergedInto is null
            ? UnitChanges.Absorbed(Unit, Host.Engine.Units)
            : UnitChanges.Departures([Unit], Host.Engine.Unit);
        LoadPlace();
        LoadCharts();
    }

    private void LoadPlace()
    {
        BoardSize = 0;
        TiedAtLastSlot = false;
        if (Report is not { Board: { } key, Entry: { } entry }) return;
        BoardSize = Host.Engine.StandingsAsOf(AsOf).Board(key)?.Entries.Length ?? 0;
        if (!Report.Proposed || !entry.Tied) return;
        var slot = Host.Engine.Awards(AsOf).Slots.FirstOrDefault(s => s.Kind == AwardKind.Rank && s.Block == key.Block && s.Group == key.Group);
        TiedAtLastSlot = slot is { Tied: true, Proposed.Count: > 0 } && entry.Rank == slot.Proposed.Max(p => p.Rank);
    }

    /// <summary>The proposal once the City Office has fixed it: the unit's place in it outranks the live one.</summary>
    private ThiDua.Dashboard.Awards.Proposal.ProposalDto? Review { get; set; }

    private bool InFixedList => Review is { IsFixed: true } review && review.CollectiveUnits().Contains(UnitCode);

    protected override async Task LoadAsync()
    {
        Figures = Unit is null ? [] : await FigureHistory.ForUnitAsync(UnitCode, FigureLimit);
        Review = Unit is null ? null : await Workflow.CurrentAsync(AsOf);
    }

    protected override bool Concerns(LeaderboardUpdate update) =>
        Report?.Board is { } board && update.Boards.Contains(board);

    private void LoadCharts()
    {
        var weekly = StandingsHistory.Weekly(AsOf);
        // From the first week the unit has anything to show: an empty start says nothing.
        var points = weekly.Select(s => (s.AsOf, Found: s.Find(UnitCode))).Where(p => p.Found is not null)
            .SkipWhile(p => p.Found!.Value.Entry is { Score: 0m, Dossiers: null }).ToList();
        if (Report?.Board is { } key && weekly[^1].Board(key) is { } board)
        {
            RankDates = [.. weekly.Select(s => s.AsOf)];
            RankSeries = RankHistory.Of(board, weekly);
        }
        if (points.Count < 2)
        {
            ScoreSeries = [];
            return;
        }
        // Six date labels fit under the chart even on a phone; the rest stay blank. Counted back from the
        // latest week, so the latest is always labelled and never crowds the one before it.
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 6.0));
        ChartLabels = [.. points.Select((p, i) => (points.Count - 1 - i) % step == 0 ? p.AsOf.ToString("dd/MM") : "")];
        ScoreSeries = [new ChartSeries<double> { Name = "Điểm", Data = points.Select(p => (double)p.Found!.Value.Entry.Score).ToArray() }];
    }

    private string BoardName(BoardKey key)
    {
        var block = Host.Campaign.Block(key.Block)?.Name ?? key.Block;
        var group = key.Group is null ? "chưa xếp nhóm" : Host.Rules.Groups.FirstOrDefault(g => g.Block == key.Block && g.Code == key.Group)?.Name ?? key.Group;
        return $"{block} — {group}";
    }

    private static string StateText(ContentScore content) => content.State switch
    {
        ContentState.NoData => "Chưa có số liệu",
        ContentState.NothingArose => "Không phát sinh",
        ContentState.NotApplicable => "Không áp dụng cho khối",
        _ => $"Số liệu ngày {Vi.Date(content.AsOf!.Value)}",
    };

    private static string FractionText(ContentScore content) =>
        content.Numerator is { } n ? $"{Vi.Count(n)} / {(content.Denominator is { } d ? Vi.Count(d) : "–")}" : "–";

    private static string RateText(ContentScore content) => content.Rate is { } rate ? Vi.Percent(rate) : "–";

    private static string SourceText(string source) => source switch
    {
        "api" => "API",
        "form" => "Nhập tay",
        "demo" => "Mô phỏng",
        _ => $"Tệp {source}",
    };

    private string Local(DateTimeOffset instant) =>
        Host.CampaignTime(instant).ToString("HH:mm dd/MM/yyyy");
}
