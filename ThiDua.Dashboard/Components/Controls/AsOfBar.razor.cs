using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// The date bar of a page; its dates are the shown campaign's (<c>?chien-dich=</c>), and changing the date
/// keeps every other parameter of the address, the campaign's among them.
/// </summary>
public sealed partial class AsOfBar : CampaignComponent
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private EngineHost Host => Campaign.Host;

    /// <summary>A part of a page: the page answers an unknown campaign.</summary>
    protected override bool ShowsNotFound => false;

    [Parameter] public DateOnly AsOf { get; set; }
    [Parameter] public bool IsPast { get; set; }
    [Parameter] public string? Problem { get; set; }

    private DateTime Min => Host.Rules.PeriodStart.ToDateTime(TimeOnly.MinValue);
    private DateTime Max => Host.DefaultAsOf().ToDateTime(TimeOnly.MinValue);

    private string LatestHref => Navigation.GetUriWithQueryParameter("ngay", (string?)null);

    private void OnDateChanged(DateTime? date)
    {
        if (date is not { } value) return;
        var day = DateOnly.FromDateTime(value);
        // The latest date is the default: leave it out of the address so the link stays live.
        var text = day == Host.DefaultAsOf() ? null : day.ToString("yyyy-MM-dd");
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("ngay", text));
    }
}
