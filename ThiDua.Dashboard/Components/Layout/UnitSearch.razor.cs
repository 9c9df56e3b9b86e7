using System.Globalization;
using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Components.Controls;
using Microsoft.AspNetCore.Components.Web;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Layout;

/// <summary>
/// Finds any unit of the campaign from every page, without accents ("cai khe"), and opens its page.
/// Kept to a plain input and a short list: every open circuit carries the layout.
/// </summary>
public sealed partial class UnitSearch : CampaignComponent
{
    /// <summary>A part of the layout: the page answers an unknown campaign.</summary>
    protected override bool ShowsNotFound => false;

    /// <summary>Enough to scan at a glance; more asks for another word.</summary>
    private const int MaxShown = 12;

    private EngineHost Host => Campaign.Host;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = PageLink.DateParameter)]
    public string? Ngay { get; set; }

    private string Query { get; set; } = "";
    private string? Highlighted { get; set; }
    private bool Open => !string.IsNullOrWhiteSpace(Query);
    private List<UnitInfo> Found { get; set; } = [];
    private int More { get; set; }

    private static string OptionId(string code) => "app-search-" + code;

    /// <summary>After each keystroke (a binding, so a slow round trip never writes an older text back into the box).</summary>
    private void Find()
    {
        // A new query clears the highlight: Enter right after typing must not open a row nobody looked at.
        Highlighted = null;
        var all = Open
            ? Host.Engine.Units.Where(u => ViSearch.Matches(u.Name, Query) || string.Equals(u.Code, Query.Trim(), StringComparison.OrdinalIgnoreCase))
                .OrderBy(u => u.Name, Vi.Collation).ToList()
            : [];
        Found = [.. all.Take(MaxShown)];
        More = all.Count - Found.Count;
    }

    private void OnKeyDown(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown": Move(+1); break;
            case "ArrowUp": Move(-1); break;
            case "Escape": Close(); break;
            case "Enter" when Highlighted is { } code: Go(code); break;
        }
    }

    private void Move(int step)
    {
        if (Found.Count == 0) return;
        var at = Found.FindIndex(u => u.Code == Highlighted);
        at = at < 0 ? (step > 0 ? 0 : Found.Count - 1) : Math.Clamp(at + step, 0, Found.Count - 1);
        Highlighted = Found[at].Code;
    }

    private void Close()
    {
        Query = "";
        Highlighted = null;
        Found = [];
        More = 0;
    }

    private void Go(string code)
    {
        var href = UnitHref(code);
        Close();
        Navigation.NavigateTo(href);
    }

    /// <summary>The unit's page, in the shown campaign and on the date the current page shows when it has one.</summary>
    private string UnitHref(string code) =>
        Link($"/don-vi/{code}", DateOnly.TryParseExact(Ngay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null);

    private string BlockName(string block) => Host.Campaign.Block(block)?.Name ?? block;
}
