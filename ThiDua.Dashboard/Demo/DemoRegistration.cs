using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Demo;

public static class DemoRegistration
{
    public const string CommandLineFlag = "--demo";

    /// <summary>
    /// Registers <see cref="DemoState"/> always, and the demo feed only when <c>--demo</c> is on the
    /// command line or <c>ThiDua:Demo:Enabled</c> is true: without it nothing simulated is ever written.
    /// </summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfigurationManager configuration, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(args);
        services.AddSingleton<DemoState>();

        var flagged = args.Any(IsFlag);
        if (flagged)
        {
            // The command-line provider reads a bare "--demo" as a key whose value is the next
            // argument, which swallows e.g. "--urls" in "--demo --urls http://…". The same arguments
            // without the flag, added on top, give every other switch its own value back.
            configuration.AddCommandLine([.. args.Where(a => !IsFlag(a))]);
            configuration[$"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}"] = "true";
        }
        if (!flagged && !configuration.GetValue<bool>($"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}"))
            return services;

        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidation>();
        services.AddHostedService<DemoFeed>();
        return services;
    }

    /// <summary>Sets <see cref="DemoState"/> from what storage holds of the default campaign; call after storage is initialised.</summary>
    public static async Task LoadDemoStateAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (await DemoData.AnyFiguresAsync(app.Services.GetRequiredService<Database>(), app.Services.GetRequiredService<CampaignKey>(), cancellationToken))
            app.Services.GetRequiredService<DemoState>().MarkActive();
    }

    private static bool IsFlag(string arg) => string.Equals(arg, CommandLineFlag, StringComparison.OrdinalIgnoreCase);
}
