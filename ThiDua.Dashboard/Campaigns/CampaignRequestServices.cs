using Microsoft.Extensions.DependencyInjection;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// A request's services seen through one campaign: what speaks of a campaign is that campaign's
/// (see <see cref="CampaignServices"/>), everything else the request's own. Set as
/// <c>HttpContext.RequestServices</c> by <see cref="CampaignSelection"/>, so every endpoint takes
/// <c>?campaign=</c> without a line of its own.
/// </summary>
internal sealed class CampaignRequestServices(IServiceProvider request, CampaignServices campaign) : IServiceProvider, IKeyedServiceProvider
{
    private readonly Dictionary<Type, object> _perRequest = [];

    public object? GetService(Type serviceType)
    {
        if (CampaignServices.PerRequest.Contains(serviceType))
        {
            if (!_perRequest.TryGetValue(serviceType, out var made))
                _perRequest[serviceType] = made = ActivatorUtilities.CreateInstance(this, serviceType);
            return made;
        }
        return CampaignServices.Owns(serviceType) ? campaign.GetService(serviceType) : request.GetService(serviceType);
    }

    public object? GetKeyedService(Type serviceType, object? serviceKey) =>
        request is IKeyedServiceProvider keyed ? keyed.GetKeyedService(serviceType, serviceKey) : null;

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
        request is IKeyedServiceProvider keyed ? keyed.GetRequiredKeyedService(serviceType, serviceKey)
            : throw new InvalidOperationException($"No keyed service {serviceType} here.");
}
