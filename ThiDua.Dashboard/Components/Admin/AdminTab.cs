using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>
/// What every /quan-tri tab shares: it tells the page what happened, and the page shows it above the tabs. A tab
/// that follows changes made elsewhere calls <see cref="LiveListener.Listen"/> and says what it <see cref="Wants"/>;
/// the others hear nothing.
/// </summary>
public abstract class AdminTab : LiveListener
{
    /// <summary>Tells the page what happened (success or a Vietnamese error).</summary>
    [Parameter] public EventCallback<(Severity Severity, string Message)> Notify { get; set; }

    /// <summary>The admin page answers for the address; a tab quietly shows the default campaign.</summary>
    protected override bool ShowsNotFound => false;

    protected Task Show(Severity severity, string message) => Notify.InvokeAsync((severity, message));

    protected override bool Wants(LeaderboardUpdate update) => false;

    protected override Task OnLiveUpdateAsync(LeaderboardUpdate update) => Task.CompletedTask;
}
