using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Configuration;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds a settings section, checked by <typeparamref name="TValidation"/> when the host starts:
    /// a bad value stops start-up naming its key instead of being clamped or failing at first use.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidation>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidation : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidation>();
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }
}
