using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// /dang-nhap, /dang-xuat and /doi-mat-khau: plain server-rendered pages with form posts, because a
/// cookie can only be written by an ordinary HTTP response, never from inside a Blazor circuit.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dang-nhap", (HttpContext context, string? returnUrl, string? tuChoi, IAntiforgery antiforgery) =>
        {
            var info = tuChoi is not null ? "Tài khoản đang đăng nhập không có quyền mở trang này; hãy đăng nhập bằng tài khoản khác."
                : SignedInUser.From(context.User) is { } user ? $"Bạn đang đăng nhập với tên {user.UserName}." : null;
            return SignInPage(context, antiforgery, returnUrl, null, null, info);
        }).ExcludeFromDescription();

        app.MapPost("/dang-nhap", SignInAsync).ExcludeFromDescription();

        app.MapGet("/dang-xuat", SignOutAsync).ExcludeFromDescription();
        app.MapPost("/dang-xuat", SignOutAsync).ExcludeFromDescription();

        app.MapGet("/doi-mat-khau", (HttpContext context, string? returnUrl, IAntiforgery antiforgery) =>
            SignedInUser.From(context.User) is { } user
                ? PasswordPage(context, antiforgery, user, returnUrl, null)
                : Results.Redirect("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/doi-mat-khau"))).ExcludeFromDescription();

        app.MapPost("/doi-mat-khau", ChangePasswordAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, AccountService accounts, CampaignClock clock)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return SignInPage(context, antiforgery, null, null, "Phiên làm việc của trang đã hết hạn; hãy đăng nhập lại.", null, StatusCodes.Status400BadRequest);

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var userName = form["userName"].ToString();
        var returnUrl = form["ReturnUrl"].ToString();
        var outcome = await accounts.SignInAsync(userName, form["password"].ToString(), context.ClientAddress(), context.RequestAborted);
        switch (outcome.Status)
        {
            case SignInStatus.LockedOut:
                var until = clock.Local(outcome.LockedUntil!.Value);
                return SignInPage(context, antiforgery, returnUrl, userName,
                    $"Tài khoản tạm bị khóa vì nhập sai mật khẩu nhiều lần; hãy thử lại sau {until:HH:mm} ngày {until:dd/MM/yyyy}.", null);
            case SignInStatus.Failed:
                return SignInPage(context, antiforgery, returnUrl, userName, "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị vô hiệu hóa.", null);
        }

        var user = outcome.User!;
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignedInUser.Principal(user, context.ClientAddress()));
        return user.MustChangePassword
            ? Results.Redirect("/doi-mat-khau?ReturnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl)))
            : Results.Redirect(LocalOrHome(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, AccountService accounts)
    {
        if (SignedInUser.From(context.User) is { } user)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await accounts.RecordSignOutAsync(user.UserName, context.ClientAddress(), context.RequestAborted);
        }
        return Results.Redirect("/");
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext context, IAntiforgery antiforgery, AccountService accounts, UserStore users)
    {
        if (SignedInUser.From(context.User) is not { } user) return Results.Redirect("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString("/doi-mat-khau"));
        if (!await antiforgery.IsRequestValidAsync(context))
            return PasswordPage(context, antiforgery, user, null, "Phiên làm việc của trang đã hết hạn; hãy nhập lại.", StatusCodes.Status400BadRequest);

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["ReturnUrl"].ToString();
        var newPassword = form["newPassword"].ToString();
        if (!string.Equals(newPassword, form["confirmPassword"].ToString(), StringComparison.Ordinal))
            return PasswordPage(context, antiforgery, user, returnUrl, "Hai lần nhập mật khẩu mới không giống nhau.");
        var changed = await accounts.ChangePasswordAsync(user.Id, form["currentPassword"].ToString(), newPassword, context.ClientAddress(), context.RequestAborted);
        if (changed.Problem is { } problem) return PasswordPage(context, antiforgery, user, returnUrl, problem);

        // The change gave the user a new security stamp: sign in again with it, or the next request would sign the user out.
        var fresh = await users.GetAsync(user.Id, context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignedInUser.Principal(fresh!, context.ClientAddress()));
        return Results.Redirect(LocalOrHome(returnUrl));
    }

    private static IResult SignInPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error, string? info, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new RazorComponentResult<SignIn>(new Dictionary<string, object?>
        {
            [nameof(SignIn.ReturnUrl)] = LocalOrHome(returnUrl),
            [nameof(SignIn.UserName)] = userName,
            [nameof(SignIn.Error)] = error,
            [nameof(SignIn.Info)] = info,
            [nameof(SignIn.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(SignIn.AntiforgeryToken)] = tokens.RequestToken,
        }) { StatusCode = status };
    }

    private static IResult PasswordPage(HttpContext context, IAntiforgery antiforgery, SignedInUser user, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new RazorComponentResult<SignInChangePassword>(new Dictionary<string, object?>
        {
            [nameof(SignInChangePassword.ReturnUrl)] = LocalOrHome(returnUrl),
            [nameof(SignInChangePassword.UserName)] = user.UserName,
            [nameof(SignInChangePassword.Required)] = user.MustChangePassword,
            [nameof(SignInChangePassword.Error)] = error,
            [nameof(SignInChangePassword.MinLength)] = AccountService.MinPasswordLength,
            [nameof(SignInChangePassword.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(SignInChangePassword.AntiforgeryToken)] = tokens.RequestToken,
        }) { StatusCode = status };
    }

    /// <summary>Only a path on this site: a ReturnUrl elsewhere would make the sign-in form an open redirect.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && !returnUrl.StartsWith("/dang-xuat", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
