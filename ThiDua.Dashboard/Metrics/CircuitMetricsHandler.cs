using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ThiDua.Dashboard.Metrics;

/// <summary>
/// Counts the Blazor circuits connected to this node: each interactive page (or tab) holds one. A circuit
/// whose connection dropped is not counted while the server keeps it for a reconnect (minutes), so the
/// figure follows the pages actually open rather than the memory still held for them.
/// </summary>
internal sealed class CircuitMetricsHandler(ThiDuaMetrics metrics) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitChanged(+1);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitChanged(-1);
        return Task.CompletedTask;
    }
}
