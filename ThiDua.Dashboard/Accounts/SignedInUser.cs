using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// The signed-in user as the sign-in cookie describes it. In a component:
/// <c>[CascadingParameter] Task&lt;AuthenticationState&gt;? Auth</c> then <c>SignedInUser.From((await Auth).User)</c>,
/// or inject <see cref="CurrentUser"/>.
/// </summary>
/// <param name="Address">The address the user signed in from: what the audit trail records for changes made in a circuit.</param>
public sealed record SignedInUser(long Id, string UserName, string DisplayName, string Role, UnitScope Scope, bool MustChangePassword, string? Address = null)
{
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>The screen link a read-only meeting-room screen signed in with; null for a person (then <see cref="Id"/> is the user's id).</summary>
    public long? ScreenLinkId { get; init; }

    /// <summary>A read-only screen: a viewer with no user account behind it (Id 0), no password to change.</summary>
    public bool IsScreen => ScreenLinkId is not null;

    /// <summary>Committee or admin.</summary>
    public bool MayNominate => Role is Roles.Committee or Roles.Admin;

    public bool MayWriteFigures => !MustChangePassword && Roles.MayWriteFigures(Role);

    /// <summary>The units this user may write figures for: every unit for an admin, the scope for an editor, none otherwise.</summary>
    public UnitScope WriteScope => Role switch
    {
        Roles.Admin => UnitScope.All,
        Roles.Editor => Scope,
        _ => UnitScope.Of([]),
    };

    /// <summary>The user, or null for an anonymous principal (or a cookie of another app).</summary>
    public static SignedInUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity) return null;
        if (ScreenLinkService.LinkIdOf(principal) is { } screen)
        {
            if (principal.FindFirstValue(ClaimTypes.Role) != Roles.Viewer) return null;
            var name = identity.Name ?? "";
            return new SignedInUser(0, name, name, Roles.Viewer, UnitScope.Of([]), false, principal.FindFirstValue(AccountClaims.Address)) { ScreenLinkId = screen };
        }
        if (!long.TryParse(principal.FindFirstValue(AccountClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var role = principal.FindFirstValue(ClaimTypes.Role);
        if (!Roles.IsKnown(role)) return null;
        return new SignedInUser(
            id,
            identity.Name ?? "",
            principal.FindFirstValue(AccountClaims.DisplayName) ?? identity.Name ?? "",
            role!,
            UnitScope.FromJson(principal.FindFirstValue(AccountClaims.Units)),
            principal.HasClaim(AccountClaims.MustChangePassword, "true"),
            principal.FindFirstValue(AccountClaims.Address));
    }

    internal static ClaimsPrincipal Principal(UserAccount user, string? address)
    {
        var claims = new List<Claim>
        {
            new(AccountClaims.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(AccountClaims.DisplayName, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
            new(AccountClaims.SecurityStamp, user.SecurityStamp),
        };
        if (user.Role == Roles.Editor) claims.Add(new Claim(AccountClaims.Units, user.Scope.ToJson() ?? "[]"));
        if (user.MustChangePassword) claims.Add(new Claim(AccountClaims.MustChangePassword, "true"));
        if (!string.IsNullOrEmpty(address)) claims.Add(new Claim(AccountClaims.Address, address));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>The signed-in user of the current circuit (or request), for components and services.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    /// <summary>The user, or null when nobody is signed in.</summary>
    public async Task<SignedInUser?> GetAsync() => SignedInUser.From((await authentication.GetAuthenticationStateAsync()).User);
}
