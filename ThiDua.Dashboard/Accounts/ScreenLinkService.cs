using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using ThiDua.Dashboard.Audit;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// Read-only screen links for meeting-room PCs: an admin creates one (the link is shown once) or
/// revokes it, both audited. Opening <c>/trinh-chieu?manhinh=TOKEN</c> signs the browser in as a
/// viewer named “Màn hình: …” with a persistent cookie (see <see cref="ScreenLinkSignIn"/>).
/// </summary>
public sealed class ScreenLinkService(ScreenLinkStore store, IAuditTrail audit)
{
    /// <summary>The query parameter that carries the token.</summary>
    public const string QueryParameter = "manhinh";

    /// <summary>The page a link opens.</summary>
    public const string PresenterPath = "trinh-chieu";

    /// <summary>How long a screen's cookie lives without a request (sliding); 400 days is what browsers allow at most.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    /// <summary>The full link of a token, on the site at <paramref name="baseUri"/> (ending in '/').</summary>
    public static string LinkOf(string baseUri, string token) =>
        (baseUri.EndsWith('/') ? baseUri : baseUri + "/") + PresenterPath + "?" + QueryParameter + "=" + Uri.EscapeDataString(token);

    /// <returns>The link and its token (shown once), or why not (Vietnamese).</returns>
    public async Task<(StoredScreenLink? Link, string? Token, string? Problem)> CreateAsync(string name, AccountActor actor, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100) return (null, null, "Tên màn hình phải có từ 1 đến 100 ký tự.");
        if ((await store.GetAllAsync(cancellationToken)).Any(l => !l.IsRevoked && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            return (null, null, $"Đã có liên kết đang dùng tên “{name}”; hãy thu hồi nó trước hoặc đặt tên khác.");
        try
        {
            // The link and its audit entry are one transaction.
            var (link, token) = await store.CreateAsync(name, actor.Name, cancellationToken,
                audit.EntryFor<StoredScreenLink>(link => new AuditRecord(AuditKinds.ScreenCreate, actor.Name, actor.Address,
                    $"Tạo liên kết màn hình trình chiếu {link.Name}", Subject: link.Name, After: link.AuditView)));
            return (link, token, null);
        }
        catch (AuditWriteException)
        {
            return (null, null, AuditWriteException.UserMessage);
        }
    }

    /// <returns>False when there is no such live link.</returns>
    /// <exception cref="AuditWriteException">The revocation's audit entry could not be written; the link stays live.</exception>
    public async Task<bool> RevokeAsync(long id, AccountActor actor, CancellationToken cancellationToken = default) =>
        await store.RevokeAsync(id, actor.Name, cancellationToken,
            audit.EntryFor<StoredScreenLink>(before => new AuditRecord(AuditKinds.ScreenRevoke, actor.Name, actor.Address,
                $"Thu hồi liên kết màn hình trình chiếu {before.Name}", Subject: before.Name, Before: before.AuditView, After: new { before.Name, Revoked = true })))
        is not null;

    /// <summary>The read-only principal of a screen: role viewer, the link's id and stamp, never a user id.</summary>
    internal static ClaimsPrincipal Principal(StoredScreenLink link, string? address)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, link.PrincipalName),
            new(AccountClaims.DisplayName, link.PrincipalName),
            new(ClaimTypes.Role, Roles.Viewer),
            new(AccountClaims.ScreenLink, link.Id.ToString(CultureInfo.InvariantCulture)),
            new(AccountClaims.ScreenStamp, link.Stamp),
        };
        if (!string.IsNullOrEmpty(address)) claims.Add(new Claim(AccountClaims.Address, address));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The link id a screen principal carries, or null for anyone else.</summary>
    public static long? LinkIdOf(ClaimsPrincipal? principal) =>
        principal?.FindFirst(AccountClaims.ScreenLink)?.Value is { } value
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
