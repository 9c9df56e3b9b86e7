using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>
/// /quan-tri: a tab per concern, each its own component with only the services it needs
/// (Components/Admin: users, API keys, screen links, units, the audit trail, rule warnings; and
/// <see cref="AdminStandards"/>). The page checks that an admin is signed in, hands the tabs who acts,
/// and shows above the tabs what they report: a notice, or a secret shown once.
/// </summary>
public sealed partial class Admin
{
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private SignedInUser? Me { get; set; }
    private string? Notice { get; set; }
    private Severity NoticeSeverity { get; set; }
    private string? Secret { get; set; }
    private string SecretLabel { get; set; } = "";

    private AccountActor Actor => new(Me!.UserName, Me.Address);
    private WriteActor Writer => new(Me!.UserName, Me.Address, UnitScope.All);

    protected override async Task OnInitializedAsync()
    {
        // [Authorize] guards the first request; this guards a visit by navigation inside a live circuit.
        var user = await CurrentUser.GetAsync();
        if (user is not { IsAdmin: true, MustChangePassword: false })
        {
            Navigation.NavigateTo("/dang-nhap?ReturnUrl=%2Fquan-tri" + (user is null ? "" : "&tuChoi=1"), forceLoad: true);
            return;
        }
        Me = user;
    }

    private void Show((Severity Severity, string Message) notice)
    {
        NoticeSeverity = notice.Severity;
        Notice = notice.Message;
    }

    private void ShowSecret((string Label, string Secret) secret)
    {
        SecretLabel = secret.Label;
        Secret = secret.Secret;
    }
}
