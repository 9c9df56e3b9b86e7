using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Demo;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Presenter;

/// <summary>
/// Presenter mode for the projector: rotates through every board and the award summary by
/// itself, readable from the back of the room, live, and driven by the keyboard. The show is in
/// the address (<c>?giay=15&amp;trang=phuong/tu-3500,khen-thuong&amp;giaodien=toi</c>).
/// </summary>
public sealed partial class Presenter : IAsyncDisposable
{
    private const int DefaultIntervalSeconds = 15;
    private static readonly TimeSpan HighlightFor = TimeSpan.FromSeconds(5);

    private ElementReference _stage;
    private ITimer? _rotation;
    private ITimer? _clock;
    private readonly Dictionary<string, Dictionary<string, int>> _lastShownRanks = [];
    private readonly Dictionary<string, DateTimeOffset> _highlightUntil = [];

    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private DemoState Demo { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    private ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow Workflow => Campaign.Get<ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow>();

    [SupplyParameterFromQuery(Name = "giay")] public int? Giay { get; set; }
    [SupplyParameterFromQuery(Name = "trang")] public string? Trang { get; set; }
    [SupplyParameterFromQuery(Name = "giaodien")] public string? GiaoDien { get; set; }

    public SlideDeck Deck { get; } = new();
    private Standings? Standings { get; set; }
    /// <summary>The award list the slide and the marks follow: the live proposal while draft, the fixed list once selected.</summary>
    private ThiDua.Dashboard.Awards.Proposal.ProposalDto? Review { get; set; }
    private IReadOnlySet<string> Proposed { get; set; } = new HashSet<string>();
    private Board? CurrentBoard => Deck.Current?.Board is { } key ? Standings?.Board(key) : null;
    private int IntervalSeconds => Math.Clamp(Giay ?? DefaultIntervalSeconds, 3, 600);
    private string Clock => Host.CampaignTime(Time.GetUtcNow()).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    private HashSet<string> Highlighted => [.. _highlightUntil.Where(h => h.Value > Time.GetUtcNow()).Select(h => h.Key)];

    private bool SettingsOpen { get; set; }
    private int DraftInterval { get; set; }
    private bool DraftDark { get; set; }
    private HashSet<string> DraftSlides { get; set; } = [];
    private IReadOnlyList<(string Id, string Label)> SlideOptions { get; set; } = [];
    private HashSet<string> DefaultSlides { get; set; } = [];
    private bool _refocus;

    /// <summary>A board is a slide without being chosen when it has units and is a real group.</summary>
    private static bool ShownByDefault(Board board) => board.Entries.Length > 0 && board.Key.Group is not null;

    protected override void Load()
    {
        var engine = Host.Engine;
        Standings = engine.StandingsAsOf(AsOf);
        var chosen = string.IsNullOrWhiteSpace(Trang) ? null : Trang.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        // Empty groups and the "Chưa xếp nhóm" boards (units not ranked in any group) have nothing
        // to show a meeting; they stay in the settings list and become slides only when chosen there.
        Deck.Build(Standings.Boards.Where(b => chosen is not null || ShownByDefault(b)), chosen);
        SlideOptions = [.. Standings.Boards.Select(b => (Slide.IdOf(b.Key), $"{b.BlockName} — {b.GroupName ?? "Chưa xếp nhóm"}")), (Slide.AwardsId, "Đề xuất khen thưởng")];
        DefaultSlides = [.. Standings.Boards.Where(ShownByDefault).Select(b => Slide.IdOf(b.Key)), Slide.AwardsId];
        MarkShown();
    }

    protected override async Task LoadAsync()
    {
        // Ranked or nominated by the City Office while draft; once the list is fixed, only its units.
        Review = await Workflow.CurrentAsync(AsOf);
        Proposed = Review.CollectiveUnits();
    }

    protected override void OnInitialized()
    {
        _rotation = Time.CreateTimer(_ => InvokeAsync(Rotate), null, TimeSpan.FromSeconds(IntervalSeconds), TimeSpan.FromSeconds(IntervalSeconds));
        _clock = Time.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive) return;
        // The ⚙ panel's buttons held the focus and are gone once it closes: give it back to the
        // stage so the keys work again without a click.
        if (firstRender || _refocus)
        {
            _refocus = false;
            await _stage.FocusAsync();
        }
        await JS.InvokeVoidAsync("thidua.flip", "stage-table");
    }

    /// <summary>The timer's tick: next slide unless paused.</summary>
    public void Rotate()
    {
        if (Deck.Paused || SettingsOpen) return;
        Deck.Next();
        MarkShown();
        StateHasChanged();
    }

    /// <summary>→ / ← next / previous, space pause, F full screen, Esc leave.</summary>
    public async Task OnKeyAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowRight" or "PageDown":
                Deck.Next();
                RestartRotation();
                MarkShown();
                break;
            case "ArrowLeft" or "PageUp":
                Deck.Previous();
                RestartRotation();
                MarkShown();
                break;
            case " " or "Spacebar":
                Deck.TogglePause();
                break;
            case "f" or "F":
                await JS.InvokeVoidAsync("thidua.toggleFullscreen");
                break;
            case "Escape":
                Navigation.NavigateTo(Link("/"));
                break;
        }
    }

    /// <summary>
    /// Units whose rank differs from when this board was last on screen are highlighted for a
    /// few seconds, so a change that happened off screen shows when the board comes round.
    /// </summary>
    private void MarkShown()
    {
        if (CurrentBoard is not { } board) return;
        var id = Slide.IdOf(board.Key);
        var ranks = board.Entries.ToDictionary(e => e.Unit, e => e.Rank);
        if (_lastShownRanks.TryGetValue(id, out var before))
        {
            var until = Time.GetUtcNow() + HighlightFor;
            foreach (var (unit, rank) in ranks)
                if (before.TryGetValue(unit, out var old) && old != rank) _highlightUntil[unit] = until;
        }
        _lastShownRanks[id] = ranks;
    }

    private void RestartRotation() => _rotation?.Change(TimeSpan.FromSeconds(IntervalSeconds), TimeSpan.FromSeconds(IntervalSeconds));

    private static IEnumerable<BoardEntry> PageEntries(Board board, Slide slide) =>
        board.Entries.Skip(slide.Page * SlideDeck.RowsPerPage).Take(SlideDeck.RowsPerPage);

    private string BlockName(string code) => Host.Campaign.Block(code)?.Name ?? code;

    private void ToggleSettings()
    {
        if (SettingsOpen)
        {
            CloseSettings();
            return;
        }
        SettingsOpen = true;
        DraftInterval = IntervalSeconds;
        DraftDark = GiaoDien == "toi";
        DraftSlides = string.IsNullOrWhiteSpace(Trang) ? [.. DefaultSlides] : [.. Trang.Split(',', StringSplitOptions.TrimEntries)];
    }

    private void CloseSettings()
    {
        SettingsOpen = false;
        _refocus = true;
    }

    private void ToggleDraft(string id, bool on)
    {
        if (on) DraftSlides.Add(id); else DraftSlides.Remove(id);
    }

    private void ApplySettings()
    {
        CloseSettings();
        var asDefault = DraftSlides.SetEquals(DefaultSlides);
        var trang = asDefault ? null : string.Join(',', SlideOptions.Select(o => o.Id).Where(DraftSlides.Contains));
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["giay"] = DraftInterval == DefaultIntervalSeconds ? null : DraftInterval,
            ["trang"] = trang,
            ["giaodien"] = DraftDark ? "toi" : null,
        }));
        RestartRotation();
    }

    public async ValueTask DisposeAsync()
    {
        if (_rotation is not null) await _rotation.DisposeAsync();
        if (_clock is not null) await _clock.DisposeAsync();
        Dispose();
    }
}
