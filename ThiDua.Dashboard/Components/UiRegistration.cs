using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using ThiDua.Dashboard.Api;

namespace ThiDua.Dashboard.Components;

public static class UiRegistration
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Blazor Server with every page interactive, and MudBlazor.</summary>
    public static IServiceCollection AddDashboardUi(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>
    /// The page pipeline. No HTTPS redirection or HSTS: the dashboard serves plain http on
    /// 127.0.0.1 behind whatever the host puts in front of it.
    /// </summary>
    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Inside the page error handlers (which a branch could not hold: a branch loses the re-routing they need),
        // so that under /api the problem+json answer is written first and the HTML pages never see the error.
        app.UseApiErrorAnswers();

        // One culture for every request: a circuit keeps the culture of the request that opened it,
        // so numbers and dates read the Vietnamese way whatever the browser asks for.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Vietnamese),
            SupportedCultures = [Vietnamese],
            SupportedUICultures = [Vietnamese],
        });

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode();
        return app;
    }
}
