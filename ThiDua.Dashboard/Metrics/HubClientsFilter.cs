using Microsoft.AspNetCore.SignalR;

namespace ThiDua.Dashboard.Metrics;

/// <summary>Counts the leaderboard hub's connected clients, without code in the hub itself.</summary>
internal sealed class HubClientsFilter(ThiDuaMetrics metrics) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        // Counted once connected: a connection refused by the hub never gets a disconnect to undo it.
        metrics.HubClientChanged(+1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            metrics.HubClientChanged(-1);
        }
    }
}
