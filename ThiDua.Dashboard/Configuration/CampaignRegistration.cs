using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Configuration;

public static class CampaignRegistration
{
    public const string SectionName = RulesValidator.DefaultKeyPrefix;

    /// <summary>
    /// Binds <c>ThiDua:Campaign</c> to <see cref="CampaignRules"/>, validated when the host starts,
    /// and exposes the validator's warnings as <see cref="CampaignWarnings"/>.
    /// </summary>
    public static IServiceCollection AddCampaignRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CampaignRules>()
            .Bind(configuration.GetSection(SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CampaignRules>, CampaignRulesValidation>();

        // Resolving the options here means warnings only exist for rules that passed validation.
        services.AddSingleton(sp =>
            new CampaignWarnings(RulesValidator.Validate(sp.GetRequiredService<IOptions<CampaignRules>>().Value, SectionName).Warnings));
        services.AddHostedService<CampaignWarningsLogger>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CampaignClock>();
        return services;
    }
}
