using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Campaigns;

public static class CampaignsRegistration
{
    /// <summary>
    /// Several campaigns: the catalog, one engine (and set of services) per campaign, and the request's
    /// campaign. Call after every other registration: the services that speak of a campaign, as registered
    /// by their own concerns, are replaced here by the default campaign's instances, so code and pages that
    /// know nothing of campaigns keep working on the default one.
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidation>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CampaignEngines>();
        services.AddSingleton<CampaignCatalog>();
        services.AddSingleton<UnitLineageQueries>();
        services.AddScoped<CampaignContext>();

        foreach (var type in CampaignServices.PerCampaign.Append(typeof(CampaignKey)).Append(typeof(CampaignWarnings)))
            services.Replace(ServiceDescriptor.Singleton(type, sp => sp.GetRequiredService<CampaignEngines>().Default.GetService(type)!));
        services.Replace(ServiceDescriptor.Singleton<ILeaderboardPublisher>(sp => sp.GetRequiredService<CampaignEngines>().Default.Notifier));
        return services;
    }
}
