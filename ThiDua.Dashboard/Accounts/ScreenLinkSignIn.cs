using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Extensions;
using ThiDua.Dashboard.Audit;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// A page request (GET) carrying <c>?manhinh=TOKEN</c> of a live screen link signs the browser in as
/// that screen: a viewer, with a persistent sliding cookie of <see cref="ScreenLinkService.CookieLifetime"/>,
/// so the Blazor circuit, reloads and server restarts all pass the access gate. The request goes on
/// signed in (the page answers 200, not a redirect). The token is then taken out of the request, so
/// nothing after this (a sign-in page's ReturnUrl among them) ever sees it; an invalid token is
/// ignored and the visitor is treated like anyone else. Runs after authentication, before the gate.
/// </summary>
public sealed class ScreenLinkSignIn(RequestDelegate next, ScreenLinkStore links, IAuditTrail audit, TimeProvider time, ILogger<ScreenLinkSignIn> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || IsMachine(request.Path) || !request.Query.TryGetValue(ScreenLinkService.QueryParameter, out var sent))
        {
            await next(context);
            return;
        }

        var token = sent.ToString();
        RemoveToken(request);
        var link = await links.AuthenticateAsync(token, context.RequestAborted);
        if (link is null)
        {
            // Never the token: only that one was refused, and from where.
            logger.LogWarning("A screen link token that is unknown or revoked was refused (from {Address}).", context.ClientAddress());
            await audit.RecordAsync(new AuditRecord(AuditKinds.SignInFailed, "(liên kết màn hình)", context.ClientAddress(),
                "Đăng nhập không thành công: liên kết màn hình không hợp lệ hoặc đã bị thu hồi"), context.RequestAborted);
        }
        else if (ScreenLinkService.LinkIdOf(context.User) != link.Id)
        {
            var principal = ScreenLinkService.Principal(link, context.ClientAddress());
            var now = time.GetUtcNow();
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties
            {
                IsPersistent = true,
                AllowRefresh = true,
                IssuedUtc = now,
                ExpiresUtc = now + ScreenLinkService.CookieLifetime,
            });
            context.User = principal;
            await audit.RecordAsync(new AuditRecord(AuditKinds.SignIn, link.PrincipalName, context.ClientAddress(),
                "Đăng nhập bằng liên kết màn hình trình chiếu (chỉ xem)", Subject: link.Name), context.RequestAborted);
        }
        await next(context);
    }

    private static bool IsMachine(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/hubs")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content");

    private static void RemoveToken(HttpRequest request)
    {
        var rest = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (string.Equals(key, ScreenLinkService.QueryParameter, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var value in values) rest.Add(key, value ?? "");
        }
        request.QueryString = rest.ToQueryString();
    }
}
