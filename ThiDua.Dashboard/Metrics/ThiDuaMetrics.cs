using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ThiDua.Dashboard.Metrics;

/// <summary>
/// ThiDua's own instruments on the meter <c>ThiDua</c>. They always exist and are recorded into
/// (a record with nobody listening costs next to nothing); they are exported only when
/// <c>ThiDua:Metrics:Enabled</c> is true. The names are documented in docs/operators.md.
/// </summary>
public sealed class ThiDuaMetrics
{
    public const string MeterName = "ThiDua";

    // The SDK's default buckets (0 to 10,000) suit milliseconds; these are seconds, from 1 ms to 10 s.
    private static readonly InstrumentAdvice<double> _seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Counter<long> _figuresAccepted;
    private readonly Counter<long> _figuresRefused;
    private readonly Histogram<double> _batchCommit;
    private readonly Counter<long> _pushesSent;
    private readonly Histogram<double> _pushFanOut;
    private readonly UpDownCounter<long> _hubClients;
    private readonly UpDownCounter<long> _circuits;

    // The meter comes from the host's IMeterFactory, so each app instance (several in one test
    // process) has its own and the factory disposes it with the host.
    public ThiDuaMetrics(IMeterFactory meters, AppliedVersions versions)
    {
        var meter = meters.Create(MeterName);
        _figuresAccepted = meter.CreateCounter<long>("thidua.figures.accepted", "{figure}", "Figures stored and applied");
        _figuresRefused = meter.CreateCounter<long>("thidua.figures.refused", "{figure}", "Figures in batches that the ingestion rules refused (nothing of such a batch is stored)");
        _batchCommit = meter.CreateHistogram("thidua.batch.commit.duration", "s", "Time to store an accepted batch in one transaction and apply it to the engine", advice: _seconds);
        _pushesSent = meter.CreateCounter<long>("thidua.hub.pushes", "{push}", "LeaderboardChanged messages sent to all hub clients (one per changed board)");
        _pushFanOut = meter.CreateHistogram("thidua.hub.fanout.duration", "s", "Time to send one round of changed boards to every hub client", advice: _seconds);
        _hubClients = meter.CreateUpDownCounter<long>("thidua.hub.clients", "{connection}", "Connected clients of /hubs/leaderboard");
        _circuits = meter.CreateUpDownCounter<long>("thidua.blazor.circuits", "{circuit}", "Blazor circuits connected to this node (interactive pages open)");
        // Published at zero, so a node without clients shows 0 rather than no series at all.
        _hubClients.Add(0);
        _circuits.Add(0);
        meter.CreateObservableGauge("thidua.campaign.version", versions.Measure, "{version}", "Version this node has applied, per campaign");
    }

    /// <summary>A batch stored and applied; <paramref name="startedAt"/> is a <see cref="Stopwatch"/> timestamp taken when its commit began.</summary>
    public void Accepted(int figures, long startedAt)
    {
        _figuresAccepted.Add(figures);
        _batchCommit.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
    }

    public void Refused(int figures) => _figuresRefused.Add(figures);

    /// <summary>One round of hub pushes: <paramref name="pushes"/> messages sent, begun at a <see cref="Stopwatch"/> timestamp.</summary>
    public void Pushed(int pushes, long startedAt)
    {
        _pushesSent.Add(pushes);
        _pushFanOut.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
    }

    internal void HubClientChanged(int delta) => _hubClients.Add(delta);

    internal void CircuitChanged(int delta) => _circuits.Add(delta);
}
