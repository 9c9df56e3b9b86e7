using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Controls;

public sealed partial class AsOfBar
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private EngineHost Host { get; set; } = default!;

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
