using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Dossier;

public static class DossierRegistration
{
    /// <summary>The dossier's settings (<c>ThiDua:Dossier</c>, and the deadline under <c>ThiDua:Campaign</c>) and its builders.</summary>
    public static IServiceCollection AddDossier(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DossierOptions>().Bind(configuration.GetSection(DossierOptions.SectionName));
        services.AddOptions<DossierDeadlineOptions>().Bind(configuration.GetSection(CampaignRegistration.SectionName));
        services.AddSingleton<DossierSource>();
        services.AddSingleton<MeetingBook>();
        return services.AddSingleton<DossierService>();
    }
}
