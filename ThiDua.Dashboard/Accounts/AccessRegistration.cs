using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Accounts;

/// <summary>Accounts, API keys, the audit trail, and the access pipeline (headers, cookie, gate, rate limit).</summary>
public static class AccessRegistration
{
    /// <summary>The rate-limiting policy of the writing endpoints: <c>.RequireRateLimiting(AccessRegistration.WritePolicy)</c>.</summary>
    public const string WritePolicy = "thidua-writes";

    public const string CookieName = "ThiDua.Auth";

    public static IServiceCollection AddThiDuaAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<AccessOptions, AccessOptionsValidation>(configuration, AccessOptions.SectionName);
        services.AddValidatedOptions<AdminOptions, AdminOptionsValidation>(configuration, AdminOptions.SectionName);
        services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidation>(configuration, RateLimitOptions.SectionName);

        services.AddSingleton<IAuditTrail, SqliteAuditTrail>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ScreenLinkStore>();
        services.AddSingleton<ScreenLinkService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AccountQueries>();
        services.AddSingleton<AdminBootstrap>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<SessionValidator>();
        // Before AddDashboardUi, whose default provider is registered only when none is.
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccessStateProvider>();

        // The keys that encrypt the sign-in cookie (and antiforgery tokens) live in the database, so a
        // restart, a redeploy, or another node on the same database reads every cookie issued before.
        services.AddDataProtection().SetApplicationName("ThiDua");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = LegacyKeyFolder(provider.GetRequiredService<Database>()) is { } legacy
                ? ActivatorUtilities.CreateInstance<DataProtectionKeyRepository>(provider, legacy)
                : ActivatorUtilities.CreateInstance<DataProtectionKeyRepository>(provider)));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS; plain http on 127.0.0.1 must still work.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/dang-nhap";
                options.LogoutPath = "/dang-xuat";
                options.AccessDeniedPath = "/dang-nhap";
                options.ReturnUrlParameter = "ReturnUrl";
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
                // The API answers 401/403 problems, never a redirect to a form.
                options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden, "tuChoi=1");
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AccessOptions>>((cookie, access) => cookie.ExpireTimeSpan = TimeSpan.FromHours(Math.Max(1, access.Value.SessionHours)));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.WriteFigures, policy => policy.RequireRole(Roles.Admin, Roles.Editor))
            .AddPolicy(Policies.Nominate, policy => policy.RequireRole(Roles.Committee, Roles.Admin))
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser());
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(WritePolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                // Every key is limited by default; an operator whose own keys (from the settings) carry bulk loads may exempt them.
                if (limits.ExemptConfigKeys && context.RequestServices.GetRequiredService<ApiKeys>().Authenticate(context.Request) is not null)
                    return RateLimitPartition.GetNoLimiter("config-keys");
                return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// Where earlier versions kept the data-protection keys (<c>keys</c> beside the database file); copied into the
    /// database once. None on PostgreSQL, which never had such a folder.
    /// </summary>
    public static DirectoryInfo? LegacyKeyFolder(Database database) =>
        database is SqliteDatabase sqlite ? new(Path.Combine(Path.GetDirectoryName(sqlite.FilePath)!, "keys")) : null;

    /// <summary>Creates the first administrator when there is none. Call after the storage is initialized.</summary>
    public static Task InitializeAccountsAsync(this WebApplication app, CancellationToken cancellationToken = default) =>
        app.Services.GetRequiredService<AdminBootstrap>().EnsureAdminAsync(cancellationToken);

    /// <summary>
    /// Security headers, the sign-in cookie, the access gate (anonymous read, forced password change),
    /// authorization and rate limiting; then the sign-in pages and the audit API. Call before the API and the UI.
    /// </summary>
    public static WebApplication UseThiDuaAccess(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseAuthentication();
        app.UseMiddleware<ScreenLinkSignIn>();
        app.UseMiddleware<AccessGate>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapAccountEndpoints();
        app.MapAuditApi();
        return app;
    }

    /// <summary>The client's address as recorded in the audit trail.</summary>
    public static string? ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        // A revoked screen link's cookie is refused at the next request (the link's state is cached a few seconds);
        // a disabled user, or one whose password, role or scope changed, loses every open session at the next request.
        // Open circuits ask the same question every few seconds (RevalidatingAccessStateProvider).
        var valid = await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>()
            .IsValidAsync(context.Principal, context.HttpContext.RequestAborted);
        if (context.Principal is null || !valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status, string? query = null)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(query is null ? context.RedirectUri : context.RedirectUri + (context.RedirectUri.Contains('?') ? "&" : "?") + query);
        return Task.CompletedTask;
    }

    /// <summary>One window per key (by its hash, never the key), else per signed-in user, else per address.</summary>
    private static string PartitionKey(HttpContext context)
    {
        var key = context.Request.Headers[ApiKeys.Header].ToString();
        if (key.Length > 0) return "key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name }) return "user:" + name;
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "?");
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limits.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Gửi quá nhiều yêu cầu",
            Detail = $"Mỗi khóa được gửi tối đa {limits.PermitLimit} yêu cầu ghi trong {limits.WindowSeconds} giây; hãy gửi lại sau {seconds} giây. Yêu cầu này không được lưu.",
        }).ExecuteAsync(context);
    }
}
