using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// Whether a sign-in still holds: a screen link that is live with the same stamp, or a user who
/// still exists, is not disabled and has the same security stamp (a changed role, scope or
/// password renews the stamp). One rule for the cookie at each request and for open circuits.
/// </summary>
public sealed class SessionValidator(ScreenLinkStore links, UserStore users)
{
    /// <returns>True for an anonymous principal (nothing to lose) or a sign-in that still holds.</returns>
    public async Task<bool> IsValidAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        if (principal?.Identity is not { IsAuthenticated: true }) return true;
        if (ScreenLinkService.LinkIdOf(principal) is { } screen)
            return await links.GetLiveAsync(screen, principal.FindFirst(AccountClaims.ScreenStamp)?.Value, cancellationToken) is not null;

        var user = SignedInUser.From(principal);
        if (user is null) return false;
        var stored = await users.GetAsync(user.Id, cancellationToken);
        return stored is { Disabled: false }
            && string.Equals(stored.SecurityStamp, principal.FindFirst(AccountClaims.SecurityStamp)?.Value, StringComparison.Ordinal);
    }
}

/// <summary>
/// The authentication state of a Blazor circuit, checked again every <c>ThiDua:Access:RevalidateSeconds</c>.
/// A circuit keeps the sign-in of the request that opened it; without this, a page left open on a
/// wall screen would keep showing data after its screen link was revoked (or its user disabled)
/// until its next reload. When the sign-in no longer holds the circuit becomes anonymous, and
/// <c>AccessWatch</c> in the layouts decides what the page still shows.
/// </summary>
public sealed class RevalidatingAccessStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptionsMonitor<AccessOptions> options,
    ILogger<RevalidatingAccessStateProvider> logger)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.RevalidateSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var valid = await scope.ServiceProvider.GetRequiredService<SessionValidator>().IsValidAsync(authenticationState.User, cancellationToken);
            if (!valid)
                logger.LogInformation("An open page of {Name} lost its sign-in (screen link revoked, or user disabled, removed or changed); it is now anonymous.",
                    authenticationState.User.Identity?.Name);
            return valid;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The base class signs the circuit out on an exception: a busy database must not blank a
            // wall screen. The next check (and every HTTP request, through the cookie) asks again.
            logger.LogWarning(e, "Could not check whether an open page's sign-in still holds; trying again at the next interval.");
            return true;
        }
    }
}
