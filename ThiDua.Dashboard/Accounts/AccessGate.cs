using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Api;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// What anonymous and half-signed-in visitors may reach. With <c>ThiDua:Access:AnonymousRead</c> false,
/// pages send them to /dang-nhap and the API (and hubs) answer 401 unless a valid key is sent. A user
/// who must change a password set by someone else reaches only /doi-mat-khau until it is done.
/// Writing endpoints check their own key whatever this says.
/// </summary>
public sealed class AccessGate(RequestDelegate next, IOptionsMonitor<AccessOptions> options, ApiKeys keys)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (IsAlwaysOpen(path))
        {
            await next(context);
            return;
        }

        var user = SignedInUser.From(context.User);
        var machine = path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/hubs");
        if (user is { MustChangePassword: true } && !machine)
        {
            if (path.StartsWithSegments("/_blazor")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else context.Response.Redirect("/doi-mat-khau?ReturnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
            return;
        }

        if (options.CurrentValue.AnonymousRead || user is { MustChangePassword: false })
        {
            await next(context);
            return;
        }

        if (machine)
        {
            if (await keys.AuthenticateAsync(context.Request, context.RequestAborted) is not null)
            {
                await next(context);
                return;
            }
            await AccessProblems.SignInRequired().ExecuteAsync(context);
            return;
        }
        if (path.StartsWithSegments("/_blazor"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        context.Response.Redirect("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString));
    }

    /// <summary>The sign-in pages, the health probe, the metrics scrape (when enabled; see docs/operators.md), and static files (the sign-in page's stylesheet among them).</summary>
    private static bool IsAlwaysOpen(PathString path) =>
        path.StartsWithSegments("/dang-nhap") || path.StartsWithSegments("/dang-xuat") || path.StartsWithSegments("/doi-mat-khau")
        || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/hubs") && Path.HasExtension(path.Value));
}
