using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ThiDua.Dashboard.Metrics;

/// <summary>Counts open Blazor circuits: each interactive page (or tab) holds one on the node it connected to.</summary>
internal sealed class CircuitMetricsHandler(ThiDuaMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitChanged(+1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitChanged(-1);
        return Task.CompletedTask;
    }
}
