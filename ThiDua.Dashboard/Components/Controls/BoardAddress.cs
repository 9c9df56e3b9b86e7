using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>How a board is written in addresses: <c>/bang-xep-hang/{block}?nhom={group}</c>, the not-grouped board as "chua-xep-nhom".</summary>
public static class BoardAddress
{
    public const string NotGrouped = "chua-xep-nhom";

    public static string GroupParameter(BoardKey key) => key.Group ?? NotGrouped;

    public static bool Matches(BoardKey key, string? nhom) => nhom is not null && GroupParameter(key) == nhom;

    /// <summary>The block page showing this board, at a past date and in a chosen campaign when given.</summary>
    public static string Href(BoardKey key, DateOnly? pastDate = null, string? campaign = null) =>
        PageLink.To($"/bang-xep-hang/{key.Block}?nhom={Uri.EscapeDataString(GroupParameter(key))}", pastDate, campaign);
}
