using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Accounts;

namespace ThiDua.Dashboard.Components.Layout;

/// <summary>
/// Watches the circuit's cascaded authentication state. A circuit only ever loses its sign-in
/// (the revalidating provider turns it anonymous; a circuit cannot sign in again), so once the
/// signed-in screen or user is gone: with <c>ThiDua:Access:AnonymousRead</c> the pages are built
/// again as for an anonymous visitor (pages that need a role then send the visitor away, as they
/// do on navigation) and a notice says why; without it the pages are taken away for a message.
/// The browser's cookie is refused at its next request either way.
/// </summary>
public sealed partial class AccessWatch
{
    private int _generation;
    private SignedInUser? _signedIn;

    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <summary>The notice floats over the page (for full-screen layouts) instead of standing above it.</summary>
    [Parameter] public bool Floating { get; set; }

    /// <summary>Absent where no authentication is set up (component tests): nothing is then watched.</summary>
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Inject] private IServiceProvider Services { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The screen or user this circuit was signed in as, once that sign-in no longer holds.</summary>
    private SignedInUser? Lost { get; set; }

    // Resolved at the moment it matters, so a changed setting counts; absent (component tests) means closed.
    private bool AnonymousRead => Services.GetService<IOptionsMonitor<AccessOptions>>()?.CurrentValue.AnonymousRead ?? false;

    protected override async Task OnParametersSetAsync()
    {
        if (Authentication is null || Lost is not null) return;
        var user = SignedInUser.From((await Authentication).User);
        if (user is not null)
        {
            _signedIn = user;
            return;
        }
        if (_signedIn is null) return;
        Lost = _signedIn;
        _generation++;
    }

    /// <summary>A full load: the server refuses the old cookie and sends the visitor to sign in where that is needed.</summary>
    private Task ReloadAsync()
    {
        Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
        return Task.CompletedTask;
    }
}
