using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ThiDua.Dashboard.Live.Hub;

namespace ThiDua.Dashboard.Metrics;

public static class MetricsRegistration
{
    /// <summary>The settings key that turns the Prometheus endpoint on (default false).</summary>
    public const string EnabledKey = "ThiDua:Metrics:Enabled";

    /// <summary>Where Prometheus scrapes, when enabled.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>
    /// ThiDua's instruments (always recorded) and the OpenTelemetry SDK with ASP.NET Core's metrics and
    /// the Prometheus exporter. The SDK aggregates only when <c>ThiDua:Metrics:Enabled</c> is true.
    /// </summary>
    public static IServiceCollection AddThiDuaMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<AppliedVersions>();
        services.TryAddSingleton<ThiDuaMetrics>();
        services.TryAddSingleton<HubClientsFilter>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitMetricsHandler>());
        services.AddSignalR().AddHubOptions<LeaderboardHub>(options => options.AddFilter<HubClientsFilter>());

        services.AddOpenTelemetry()
            // Every node answers as service "thidua" with an instance id of its own.
            .ConfigureResource(resource => resource.AddService("thidua"))
            .WithMetrics(metrics =>
        {
            metrics.AddMeter(ThiDuaMetrics.MeterName).AddAspNetCoreInstrumentation();
            // No response cache: Prometheus scrapes every few seconds at most, and a scrape must show
            // what happened just before it (the integration tests rely on that too).
            metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
            // Decided when the provider is built, not now: hosts (and test factories) may still add
            // configuration after registration. Off, every instrument is dropped, so the SDK listens to none.
            ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
            {
                if (!IsEnabled(provider.GetRequiredService<IConfiguration>()))
                    builder.AddView(_ => MetricStreamConfiguration.Drop);
            });
        });
        return services;
    }

    /// <summary>Maps <c>/metrics</c> when enabled; otherwise nothing, so the path is a 404 like any unknown one.</summary>
    public static IEndpointRouteBuilder MapThiDuaMetrics(this IEndpointRouteBuilder endpoints)
    {
        if (IsEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
            endpoints.MapPrometheusScrapingEndpoint(ScrapePath);
        return endpoints;
    }

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);
}
