using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>What every /quan-tri tab shares: it tells the page what happened, and the page shows it above the tabs.</summary>
public abstract class AdminTab : ComponentBase
{
    /// <summary>Tells the page what happened (success or a Vietnamese error).</summary>
    [Parameter] public EventCallback<(Severity Severity, string Message)> Notify { get; set; }

    protected Task Show(Severity severity, string message) => Notify.InvokeAsync((severity, message));
}
