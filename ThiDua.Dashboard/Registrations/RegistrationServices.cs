using Microsoft.Extensions.DependencyInjection.Extensions;
using ThiDua.Dashboard.Audit;

namespace ThiDua.Dashboard.Registrations;

public static class RegistrationServices
{
    /// <summary>The registration book; each of its steps goes to the audit trail like any other change.</summary>
    public static IServiceCollection AddRegistrations(this IServiceCollection services)
    {
        services.TryAddSingleton<IAuditTrail, SqliteAuditTrail>();
        return services.AddSingleton<RegistrationBook>();
    }
}
