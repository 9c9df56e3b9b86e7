using Microsoft.Extensions.DependencyInjection.Extensions;
using ThiDua.Dashboard.Audit;

namespace ThiDua.Dashboard.Awards;

public static class AwardsRegistration
{
    /// <summary>The award book and the proposal's review chain; its decisions go to the audit trail like any other change.</summary>
    public static IServiceCollection AddAwards(this IServiceCollection services)
    {
        services.TryAddSingleton<IAuditTrail, SqliteAuditTrail>();
        services.AddSingleton<Proposal.ProposalWorkflow>();
        return services.AddSingleton<AwardBook>();
    }
}
