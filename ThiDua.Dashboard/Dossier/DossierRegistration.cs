using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Dossier;

public static class DossierRegistration
{
    /// <summary>The dossier's settings (<c>ThiDua:Dossier</c>; the deadline is each campaign's rules') and its builders.</summary>
    public static IServiceCollection AddDossier(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DossierOptions, DossierOptionsValidation>(configuration, DossierOptions.SectionName);
        services.AddSingleton<DossierSource>();
        services.AddSingleton<MeetingBook>();
        return services.AddSingleton<DossierService>();
    }
}
