using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ThiDua.LoadTest;

/// <summary>A run: the hub load (<see cref="Load"/>) or, with --circuits, the Blazor circuits (<see cref="Circuits"/>).</summary>
public sealed record RunReport(string Name, string Command, DateTimeOffset StartedUtc, string Machine, LoadResult? Load, IReadOnlyList<FreshnessResult> Freshness, IReadOnlyList<string> Failures)
{
    public CircuitResult? Circuits { get; init; }
}

/// <summary>One table on the console, the same as markdown and JSON in the results folder.</summary>
public static class Report
{
    public static string Markdown(RunReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {r.Name}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"`{r.Command}` — {r.StartedUtc:yyyy-MM-dd HH:mm} UTC, {r.Machine}");
        sb.AppendLine();
        sb.AppendLine("| | |");
        sb.AppendLine("|---|---:|");
        void Row(string name, string value) => sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        if (r.Circuits is { } c)
        {
            Row("Blazor circuits: page", $"`{c.Page}`, watched unit {c.Unit}");
            Row("pages live / K (opening time)", $"{c.PagesLive} / {c.Circuits} (in {c.OpenSeconds:F1} s)");
            Row("page load → data-interactive=true, p50 / p95 / p99 / max", Ms(c.TimeToLive));
            Row("pages updated in every round / K", $"**{c.PagesUpdatedEveryRound} / {c.Circuits}** ({c.Rounds} rounds: {string.Join(", ", c.PagesUpdatedPerRound)})");
            Row("POST sent → page shows the new score, over pages and rounds: p50 / p95 / p99 / max", Ms(c.Update));
            Row("last page showed it, per round", string.Join(" · ", c.LastPagePerRound.Select(ms => ms.ToString("F0", CultureInfo.InvariantCulture) + " ms")));
            Row("server RSS: baseline (after a warm-up page) → K live → pages closed", $"{c.BaselineRssMiB:F1} → {c.LiveRssMiB:F1} → {c.ClosedRssMiB:F1} MiB");
            Row("server RSS delta per open circuit", $"**{c.MiBPerCircuit:F3} MiB** ({c.RssDeltaMiB:F1} MiB ÷ {c.PagesLive})");
            if (c.Heap is { } h)
            {
                Row("live managed heap (dotnet-gcdump, after its full GC): baseline → K live → pages closed", $"{h.BaselineMB:F2} → {h.LiveMB:F2} → {h.ClosedMB:F2} MB");
                Row("live managed heap per open circuit", $"**{h.MBPerCircuit:F3} MB** ({h.LiveMB - h.BaselineMB:F2} MB ÷ {c.PagesLive}; {h.ObjectsPerCircuit:N0} objects)");
                Row("largest growth per circuit, by type", string.Join(" · ", h.LargestPerCircuit.Take(6).Select(t =>
                    string.Create(CultureInfo.InvariantCulture, $"`{t.Type}` {t.Bytes / 1e3:F1} kB ({t.Count})"))));
            }
            else
            {
                Row("live managed heap per open circuit", c.HeapNote ?? "not measured");
            }
            Row("server peak RSS (VmHWM)", $"{c.PeakRssMiB:F1} MiB");
            Row("server CPU opening K pages (cores)", $"{c.ServerCpuOpenSeconds:F1} s ({c.ServerCoresOpen:F2}; {1000 * c.ServerCpuOpenSeconds / Math.Max(1, c.PagesLive):F0} ms per page)");
            Row("server CPU after the last page went live: first 3 s · next 5 s (K circuits idle)", $"{c.ServerCpuSettleSeconds:F2} s · {c.ServerCpuIdleSeconds:F2} s over {c.IdleSeconds:F1} s");
            Row("server CPU during the update rounds (cores)", $"{c.ServerCpuUpdateSeconds:F2} s ({c.ServerCoresUpdate:F2})");
            Row("Chromium + Playwright CPU: opening · update rounds", $"{c.BrowserCpuOpenSeconds:F1} s · {c.BrowserCpuUpdateSeconds:F1} s");
            Row("failed page requests (HTTP ≥ 400 or not loaded)", $"{c.FailedRequests}");
        }
        if (r.Load is { } l)
        {
            Row("hub clients (connected)", $"{l.Clients} ({l.ClientsConnected}, in {l.ConnectSeconds:F1} s)");
            Row("target rate · batch · posters · seconds", $"{l.TargetRate:0.#}/s · {l.Batch} · {l.Posters} · {l.Seconds}");
            Row("requests (errors)", $"{l.Requests:N0} ({l.RequestErrors})");
            Row("accepted figures (per second)", $"{l.AcceptedFigures:N0} ({l.AcceptedPerSecond:N0}/s)");
            Row("POST latency p50 / p95 / p99 / max", Ms(l.Post));
            if (l.ServerPost.Count > 0) Row("POST time inside the app (host request log) p50 / p95 / p99 / max", Ms(l.ServerPost));
            Row("hub: POST sent → client has covering version, p50 / p95 / p99 / max", Ms(l.Hub));
            Row("per update: first client reached, p50 / p95 / p99 / max", Ms(l.FirstClient));
            Row("per update: last client reached (fan-out end), p50 / p95 / p99 / max", Ms(l.LastClient));
            Row("(client, figure) pairs", $"{l.Pairs:N0}");
            Row("lost pairs (clients with a loss)", $"{l.LostPairs:N0} ({l.ClientsWithLoss})");
            Row("out-of-order versions", $"{l.OutOfOrder}");
            Row(l.Nodes > 1 ? "(client, node) pairs whose final boards ≠ that node's GET /leaderboards" : "clients whose final boards ≠ GET /leaderboards", $"{l.StateMismatches}");
            Row("hub connections closed during the run", $"{l.ClientsClosed}");
            Row("hub messages received (per client) · CPU per message: server · harness", l.MessagesReceived == 0 ? "0" :
                $"{l.MessagesReceived:N0} ({(double)l.MessagesReceived / l.ClientsConnected:N0}) · {l.ServerCpuSeconds * 1e6 / l.MessagesReceived:F0} µs · {l.HarnessCpuSeconds * 1e6 / l.MessagesReceived:F0} µs");
            Row("drain after the last POST", $"{l.DrainSeconds:F1} s");
            Row(l.Nodes > 1 ? "server CPU during load, all nodes (cores)" : "server CPU during load (cores)", $"{l.ServerCpuSeconds:F1} s ({l.ServerCores:F2})");
            if (!double.IsNaN(l.DatabaseCpuSeconds))
                Row("PostgreSQL server CPU during load (every postgres process)", $"{l.DatabaseCpuSeconds:F1} s");
            Row("server peak RSS (VmHWM) · RSS at end", $"{l.ServerPeakRssMiB:N0} MiB · {l.ServerRssMiB:N0} MiB");
            Row("harness CPU during load", $"{l.HarnessCpuSeconds:F1} s");
            if (l.Nodes > 1)
                Row("nodes on one database · peak RSS per node",
                    $"{l.Nodes} · {string.Join(" / ", (l.NodePeakRssMiB ?? []).Select(m => m.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} MiB");
        }
        if (r.Freshness.Count > 0)
        {
            // Each row is compared with ThiDua doing the same step: end to end (durable write included)
            // against the POST, the board step alone against the engine in-process.
            static bool BoardStep(FreshnessResult f) => f.Note == FreshnessResult.BoardStepAlone;
            var endToEnd = r.Freshness[0].Latency;
            var boardStep = r.Freshness.FirstOrDefault(f => f.System == "ThiDua engine")?.Latency;
            sb.AppendLine();
            sb.AppendLine("| update → fresh board, one at a time | what is timed | n | p50 | p95 | p99 | max | this p50 ÷ ThiDua's p50, same step | note |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
            foreach (var f in r.Freshness)
            {
                var reference = BoardStep(f) ? boardStep : endToEnd;
                var ratio = reference is { P50: > 0 } ? string.Create(CultureInfo.InvariantCulture, $"{f.Latency.P50 / reference.P50:F1}×") : "—";
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {f.System} | {f.Measures} | {f.Latency.Count} | {Milliseconds(f.Latency.P50)} | {Milliseconds(f.Latency.P95)} | {Milliseconds(f.Latency.P99)} | {Milliseconds(f.Latency.Max)} | {ratio} | {f.Note} |");
            }
        }
        if (r.Failures.Count > 0)
        {
            sb.AppendLine();
            foreach (var failure in r.Failures) sb.AppendLine("- FAILED: " + failure);
        }
        return sb.ToString();
    }

    /// <summary>Three significant digits, so a 2 µs engine step and a 40 ms SQL recompute both read right.</summary>
    private static string Milliseconds(double ms) => ms switch
    {
        >= 10 => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms",
        >= 1 => ms.ToString("F2", CultureInfo.InvariantCulture) + " ms",
        _ => (ms * 1000).ToString(ms >= 0.1 ? "F0" : "F1", CultureInfo.InvariantCulture) + " µs",
    };

    private static string Ms(Percentiles p) =>
        p.Count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{p.P50:F1} / {p.P95:F1} / {p.P99:F1} / {p.Max:F1} ms");

    public static string Write(RunReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{report.StartedUtc:yyyyMMdd-HHmmss}-{report.Name}");
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(report, json));
        File.WriteAllText(stem + ".md", Markdown(report));
        return stem;
    }
}
