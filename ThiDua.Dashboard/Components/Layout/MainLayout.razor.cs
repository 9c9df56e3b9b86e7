using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Demo;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Layout;

/// <summary>The app bar and navigation around every page; the bar's "last changed" follows every push through the notifier.</summary>
public sealed partial class MainLayout : LiveListener
{
    private bool _navOpen = true;

    /// <summary>The page inside the layout (what <see cref="LayoutComponentBase"/> would give; the base here is the live listener).</summary>
    [Parameter] public RenderFragment? Body { get; set; }

    [Inject] private CampaignEngines Engines { get; set; } = default!;
    [Inject] private DemoState Demo { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Absent where no authentication is set up (component tests): everyone is then anonymous.</summary>
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private SignedInUser? User { get; set; }

    private string SignInHref => "/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri));

    private EngineHost Host => Campaign.Host;

    private string CampaignName => Campaign.Name;

    /// <summary>The phone menu's heading: the campaign's period (its name, a long sentence, is in the choices below).</summary>
    private string PhoneCampaignTitle => $"Chiến dịch {PeriodText(Campaign.Record)}{(Campaign.IsClosed ? " (đã kết thúc)" : "")}";

    private string CampaignLabel => Campaign.IsClosed ? $"{Campaign.Name} (đã kết thúc)" : Campaign.Name;

    /// <summary>The campaigns a reader may switch to (a draft is not public), the newest period first.</summary>
    private IEnumerable<CampaignRecord> Switchable =>
        Engines.Catalog.Where(c => !c.IsDraft).OrderByDescending(c => c.Rules.PeriodStart).ThenByDescending(c => c.Rules.PeriodEnd).ThenBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>The same page in another campaign; its date is dropped, since it belongs to the other campaign's period.</summary>
    private string SwitchHref(string code) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { [PageLink.CampaignParameter] = code, [PageLink.DateParameter] = null });

    private static string PeriodText(CampaignRecord campaign) => $"{Vi.Date(campaign.Rules.PeriodStart)} – {Vi.Date(campaign.Rules.PeriodEnd)}";

    /// <summary>A part of every page: the page answers an unknown campaign; the bar shows the default meanwhile.</summary>
    protected override bool ShowsNotFound => false;

    private IReadOnlyList<BlockRules> Blocks => Host.Rules.Blocks;

    /// <summary>
    /// When the data last changed, in the campaign's time zone; null before the first figure. The date is
    /// apart so that a phone's bar can leave it out.
    /// </summary>
    private (string Time, string Date)? LastChanged =>
        Host.LastChangedAt is { } at ? (Host.CampaignTime(at).ToString("HH:mm:ss"), Host.CampaignTime(at).ToString("dd/MM/yyyy")) : null;

    /// <summary>Boards and units move "last changed"; a committee decision alone does not.</summary>
    protected override bool Wants(LeaderboardUpdate update) => update.Boards.Count > 0 || update.UnitsChanged || update.CampaignsChanged;

    protected override Task OnLiveUpdateAsync(LeaderboardUpdate update)
    {
        StateHasChanged();
        return Task.CompletedTask;
    }

    protected override async Task OnParametersSetAsync()
    {
        // Again on every address: a switch of campaign moves the bar to the other campaign's notifier.
        Listen(true);
        User = Authentication is null ? null : SignedInUser.From((await Authentication).User);
    }

    private void ToggleNav() => _navOpen = !_navOpen;
}
