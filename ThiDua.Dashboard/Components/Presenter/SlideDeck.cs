using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Components.Presenter;

/// <summary>One slide: a page of a board, or the award summary.</summary>
/// <param name="Id">Stable id as written in the address: "phuong/tu-3500", "xa/chua-xep-nhom", or "khen-thuong".</param>
public sealed record Slide(string Id, BoardKey? Board, int Page, int Pages)
{
    public const string AwardsId = "khen-thuong";

    public bool IsAwards => Board is null;

    public static string IdOf(BoardKey key) => $"{key.Block}/{Controls.BoardAddress.GroupParameter(key)}";
}

/// <summary>
/// The presenter's show: which slides, which one is up, paused or not. Pure state, so rotation
/// and keys can be tested without a browser or a clock.
/// </summary>
public sealed class SlideDeck
{
    /// <summary>Rows per page: a board of 20 fits a 1920×1080 screen at a size readable from the back of a room.</summary>
    public const int RowsPerPage = 20;

    private IReadOnlyList<Slide> _slides = [];

    public IReadOnlyList<Slide> Slides => _slides;
    public int Index { get; private set; }
    public bool Paused { get; set; }
    public Slide? Current => _slides.Count == 0 ? null : _slides[Index];

    /// <summary>
    /// Rebuilds the slides from the boards, keeping the current slide where it still exists.
    /// <paramref name="chosen"/> lists slide ids (boards or <see cref="Slide.AwardsId"/>); null or empty means all.
    /// </summary>
    public void Build(IEnumerable<Board> boards, IReadOnlyCollection<string>? chosen)
    {
        var current = Current;
        var slides = new List<Slide>();
        foreach (var board in boards)
        {
            var id = Slide.IdOf(board.Key);
            if (chosen is { Count: > 0 } && !chosen.Contains(id)) continue;
            var pages = Math.Max(1, (board.Entries.Length + RowsPerPage - 1) / RowsPerPage);
            for (var page = 0; page < pages; page++) slides.Add(new Slide(id, board.Key, page, pages));
        }
        if (chosen is not { Count: > 0 } || chosen.Contains(Slide.AwardsId))
            slides.Add(new Slide(Slide.AwardsId, null, 0, 1));
        _slides = slides;

        var keep = current is null ? -1 : slides.FindIndex(s => s.Id == current.Id && s.Page == Math.Min(current.Page, s.Pages - 1));
        Index = keep >= 0 ? keep : Math.Min(Index, Math.Max(0, slides.Count - 1));
    }

    public void Next() => Index = _slides.Count == 0 ? 0 : (Index + 1) % _slides.Count;

    public void Previous() => Index = _slides.Count == 0 ? 0 : (Index - 1 + _slides.Count) % _slides.Count;

    public void TogglePause() => Paused = !Paused;
}
