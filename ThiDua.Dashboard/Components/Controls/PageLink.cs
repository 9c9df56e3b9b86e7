namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// The one way an internal link is written: a path, and the page's as-of date (<c>?ngay=</c>, only for a
/// past date, so a link at the latest date stays live) and chosen campaign (<c>?chien-dich=</c>, only when
/// the address chose one, so a link without it follows the default) carried on.
/// </summary>
public static class PageLink
{
    public const string DateParameter = "ngay";
    public const string CampaignParameter = "chien-dich";

    public static string To(string path, DateOnly? pastDate = null, string? campaign = null)
    {
        var link = path;
        if (pastDate is { } date) link = With(link, DateParameter, date.ToString("yyyy-MM-dd"));
        if (!string.IsNullOrEmpty(campaign)) link = With(link, CampaignParameter, campaign);
        return link;
    }

    /// <summary>An API address for the same campaign: <c>?campaign=</c> is the API's name of <c>?chien-dich=</c>.</summary>
    public static string Api(string path, string? campaign) =>
        string.IsNullOrEmpty(campaign) ? path : With(path, "campaign", campaign);

    private static string With(string link, string name, string value) =>
        link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + name + "=" + Uri.EscapeDataString(value);
}
