using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Wording;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>A block's boards: a tab per size group (plus "not grouped"), the ranked table, and the rank history.</summary>
public sealed partial class Leaderboard
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    private StandingsHistory StandingsHistory => Campaign.Get<StandingsHistory>();
    [Inject] private IOptions<DisplayOptions> Display { get; set; } = default!;
    private ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow Workflow => Campaign.Get<ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow>();

    [Parameter] public string BlockCode { get; set; } = "";

    [SupplyParameterFromQuery(Name = "nhom")]
    public string? Nhom { get; set; }

    private BlockRules? Block { get; set; }
    private IReadOnlyList<Board> Boards { get; set; } = [];
    private Board? Selected { get; set; }
    private int SelectedIndex => Selected is null ? 0 : Math.Max(0, Boards.ToList().FindIndex(b => b.Key == Selected.Key));
    private IReadOnlyDictionary<string, UnitScore> Scores { get; set; } = new Dictionary<string, UnitScore>();
    private IReadOnlySet<string> Proposed { get; set; } = new HashSet<string>();

    /// <summary>The award list the marks follow: the live proposal while draft, the fixed list once selected.</summary>
    private ThiDua.Dashboard.Awards.Proposal.ProposalDto? Review { get; set; }
    private string? AwardLineAfter { get; set; }
    private DateOnly? ComparisonDate { get; set; }
    private IReadOnlyList<DateOnly> HistoryDates { get; set; } = [];
    private IReadOnlyList<RankSeries> History { get; set; } = [];
    private IReadOnlyList<UnitInfo> BlockUnits { get; set; } = [];
    private IReadOnlyList<string> Districts { get; set; } = [];
    private IReadOnlyList<OutlinedSelect.Option> DistrictOptions { get; set; } = [];
    private IReadOnlyList<OutlinedSelect.Option> UnitOptions { get; set; } = [];

    private string? Search { get; set; }
    private string? District { get; set; }
    private string? MyUnit { get; set; }
    private string? Departures { get; set; }

    /// <param name="DaysSinceUpdate">Days since the last figure, when over the display setting; null for no mark.</param>
    private sealed record Row(BoardEntry Entry, UnitScore? Score, bool Proposed, int? DaysSinceUpdate);

    private IReadOnlyList<Row> Rows => Selected is null ? [] :
        [.. Selected.Entries.Where(Matches).Select(e => new Row(e, Scores.GetValueOrDefault(e.Unit), Proposed.Contains(e.Unit), DaysSinceUpdate(e.Unit)))];

    protected override void Load()
    {
        var engine = Host.Engine;
        Block = Host.Campaign.Block(BlockCode);
        if (Block is null)
        {
            // The Vietnamese not-found page, and a 404 status when the page is rendered on the server.
            Navigation.NotFound();
            return;
        }

        var standings = engine.StandingsAsOf(AsOf);
        ComparisonDate = standings.ComparisonDate;
        Boards = [.. standings.Boards.Where(b => b.Key.Block == BlockCode)];
        BlockUnits = [.. engine.Units.Where(u => u.Block == BlockCode && u.IsActiveOn(AsOf)).OrderBy(u => u.Name, Vi.Collation)];
        Districts = [.. BlockUnits.Select(u => u.District).OfType<string>().Distinct().OrderBy(d => d, Vi.Collation)];
        DistrictOptions = [.. Districts.Select(d => new OutlinedSelect.Option(d, d))];
        UnitOptions = [.. BlockUnits.Select(u => new OutlinedSelect.Option(u.Code, u.Name))];
        Departures = UnitChanges.BoardNote(engine.Units.Where(u => u.Block == BlockCode), engine.Unit);
        Selected = Boards.FirstOrDefault(b => BoardAddress.Matches(b.Key, Nhom))
            ?? (Nhom is null && MyUnit is not null ? Boards.FirstOrDefault(b => b.Entries.Any(e => e.Unit == MyUnit)) : null)
            // Early in a campaign most units have no dossier count yet: open on a board with units.
            ?? (Nhom is null ? Boards.FirstOrDefault(b => b.Entries.Length > 0) : null)
            ?? Boards.FirstOrDefault();
        if (Selected is null) return;

        Scores = engine.Scores(Selected.Entries.Select(e => e.Unit), AsOf);
        LoadHistory(Selected);
    }

    protected override async Task LoadAsync()
    {
        if (Selected is null) return;
        Review = await Workflow.CurrentAsync(AsOf);
        if (Review.IsFixed)
        {
            // The fixed list no longer follows the ranking: its units are marked wherever they now stand,
            // and the live award boundary would draw a line the decision does not follow.
            Proposed = Review.CollectiveUnits();
            AwardLineAfter = null;
            return;
        }
        var slot = Review.Slots.FirstOrDefault(s => s.Kind == AwardKind.Rank && s.Block == BlockCode && s.Group == Selected.Key.Group);
        Proposed = slot?.Proposed.Select(p => p.Unit).ToHashSet() ?? [];
        AwardLineAfter = Selected.Entries.LastOrDefault(e => Proposed.Contains(e.Unit)).Unit;
    }

    private void LoadHistory(Board board)
    {
        var weekly = StandingsHistory.Weekly(AsOf);
        HistoryDates = [.. weekly.Select(s => s.AsOf)];
        History = RankHistory.Of(board, weekly);
    }

    protected override bool Concerns(LeaderboardUpdate update) => update.Boards.Any(k => k.Block == BlockCode);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            var mine = await JS.InvokeAsync<string?>("thidua.getMyUnit");
            if (mine is not null && Host.Engine.Unit(mine) is not null)
            {
                MyUnit = mine;
                Load();
                StateHasChanged();
                await JS.InvokeVoidAsync("thidua.scrollToUnit", mine);
            }
        }
        await JS.InvokeVoidAsync("thidua.flip", "board-table");
    }

    private async Task SetMyUnitAsync(string? code)
    {
        MyUnit = code;
        await JS.InvokeVoidAsync("thidua.setMyUnit", code);
        if (code is null) return;
        // One's own unit may stand in another group of the block: go to its board.
        var board = Boards.FirstOrDefault(b => b.Entries.Any(e => e.Unit == code));
        if (board is not null && board.Key != Selected?.Key) Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("nhom", BoardAddress.GroupParameter(board.Key)));
        else await JS.InvokeVoidAsync("thidua.scrollToUnit", code);
    }

    private void SelectTab(int index)
    {
        if (index < 0 || index >= Boards.Count || Boards[index].Key == Selected?.Key) return;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("nhom", BoardAddress.GroupParameter(Boards[index].Key)));
    }

    private bool Matches(BoardEntry entry)
    {
        if (!MatchesSearch(entry)) return false;
        return District is null || Host.Engine.Unit(entry.Unit)?.District == District;
    }

    /// <summary>Without accents ("cai khe"), the one way every search box matches; a unit's code also finds it.</summary>
    private bool MatchesSearch(BoardEntry entry) =>
        string.IsNullOrWhiteSpace(Search) || ViSearch.Matches(entry.Name, Search)
        || entry.Unit.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>While searching, the block's units on the other tabs that match, with the tab that holds them.</summary>
    private IReadOnlyList<(BoardEntry Entry, Board Board)> Elsewhere =>
        string.IsNullOrWhiteSpace(Search) ? [] :
        [.. Boards.Where(b => b.Key != Selected?.Key).SelectMany(b => b.Entries.Where(MatchesSearch).Select(e => (e, b)))];

    /// <summary>
    /// The plan sets no reporting schedule, so nothing here calls a unit late: past the display
    /// setting, the board only says how long ago its last figure was. A unit with no figure at all
    /// already reads "Chưa có số liệu"; a setting of 0 turns the mark off.
    /// </summary>
    private int? DaysSinceUpdate(string unit)
    {
        var after = Display.Value.StaleAfterDays;
        if (after <= 0 || Scores.GetValueOrDefault(unit)?.LastReport is not { } last) return null;
        var days = AsOf.DayNumber - last.DayNumber;
        return days > after ? days : null;
    }

    private static string StaleTitle(int days) =>
        $"Số liệu gần nhất cách ngày đang xem {days} ngày. Kế hoạch không quy định lịch báo cáo; mốc hiển thị dấu này là thiết lập của trang.";

    private string RowClass(Row row) => string.Join(' ',
        row.Proposed ? "thidua-row-award" : "",
        row.Entry.Unit == MyUnit ? "thidua-row-mine" : "");

    private string UnitHref(string unit) => PageHref($"/don-vi/{unit}");

    private string TabHref(Board board) => Navigation.GetUriWithQueryParameter("nhom", BoardAddress.GroupParameter(board.Key));

    private static string TabTitle(Board board) =>
        $"{board.GroupName ?? "Chưa xếp nhóm"} ({board.Entries.Length.ToString(Vi.Culture)})";

    /// <summary>Arrows and numbers, never colour alone: ↑2, ↓1, "– không đổi", "mới vào nhóm".</summary>
    public static string Movement(BoardEntry entry) => MovementSymbol(entry) + MovementWords(entry);

    /// <summary>The part of <see cref="Movement"/> that stays on a phone's narrow table.</summary>
    public static string MovementSymbol(BoardEntry entry) => entry.Movement switch
    {
        null => "mới",
        0 => "–",
        > 0 and var up => $"↑{up}",
        var down => $"↓{-down}",
    };

    private static string MovementWords(BoardEntry entry) => entry.Movement switch
    {
        null => " vào nhóm",
        0 => " không đổi",
        _ => "",
    };

    private string TieBreakRule =>
        Host.Rules.TieBreakers.Count == 0
            ? $"Kế hoạch không quy định cách phân định đồng hạng: khi đồng hạng ở suất khen cuối, {ReviewChain.TieAtLastSlot}."
            : $"Khi bằng điểm, xét lần lượt điểm nội dung {string.Join(", ", Host.Rules.TieBreakers.Select(Vi.ContentLetter))}.";
}
