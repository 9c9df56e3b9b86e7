using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ThiDua.Dashboard.Live.Hub;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Live;

namespace ThiDua.Dashboard.Tests.Metrics;

/// <summary>
/// Alone in its collection: a meter listener hears every meter named ThiDua in the process, so another
/// app instance running in parallel would add its figures to these counts.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsCollection))]
public sealed partial class MetricsEndpointTests
{
    private static readonly Dictionary<string, string?> _enabled = new() { ["ThiDua:Metrics:Enabled"] = "true" };

    [Fact]
    public async Task Metrics_DefaultSettings_Answers404()
    {
        // Arrange
        var file = ApiHost.NewDatabaseFile();
        await using var host = new ApiHost(file);

        // Act
        using var response = await host.Client.GetAsync("metrics");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        ApiHost.DeleteDatabase(file);
    }

    [Fact]
    public async Task Metrics_EnabledAfterFiguresAndHubClient_ScrapeShowsTheirValues()
    {
        // Arrange
        var file = ApiHost.NewDatabaseFile();
        await using var host = new ApiHost(file, _enabled);
        var log = new MessageLog();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, LeaderboardHub.Path.TrimStart('/')), HttpTransportType.WebSockets)
            .Build();
        hub.On<JsonElement>(nameof(ILeaderboardClient.LeaderboardChanged), log.Add);
        await hub.StartAsync();

        // Act
        using var accepted = await host.PostFigures(new[] { HubHost.Figure("p-an-hoa", "c", 82, 100), HubHost.Figure("p-an-hoa", "dossiers", 2400) });
        var version = (await JsonDocument.ParseAsync(await accepted.Content.ReadAsStreamAsync())).RootElement.GetProperty("version").GetInt64();
        using var refused = await host.PostFigures(new[] { HubHost.Figure("khong-co", "c", 1, 2), HubHost.Figure("p-an-hoa", "a", 1, 2), HubHost.Figure("p-an-hoa", "b", 3, 4) });
        await log.WaitFor(m => MessageLog.Version(m) == version);
        var scrape = await ScrapeUntil(host.Client, text => Value(text, "thidua_hub_pushes_total") >= 1);

        // Assert
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, Value(scrape, "thidua_figures_accepted_total"));
        Assert.Equal(3, Value(scrape, "thidua_figures_refused_total"));
        Assert.Equal(1, Value(scrape, "thidua_batch_commit_duration_seconds_count"));
        Assert.Equal(1, Value(scrape, "thidua_hub_clients"));
        Assert.Equal(0, Value(scrape, "thidua_blazor_circuits"));
        Assert.Equal(Value(scrape, "thidua_hub_pushes_total"), await ReceivedAsync(log, version, (int)Value(scrape, "thidua_hub_pushes_total")));
        Assert.Equal(1, Value(scrape, "thidua_hub_fanout_duration_seconds_count"));
        Assert.Contains("thidua_batch_commit_duration_seconds_bucket{otel_scope_name=\"ThiDua\",le=\"0.005\"}", scrape);
        Assert.Equal(version, Value(scrape, "thidua_campaign_version", "campaign=\"can-tho-2024\""));
        Assert.Contains("http_server_request_duration_seconds_bucket", scrape);
        foreach (var name in new[] { "thidua_figures_accepted_total", "thidua_hub_pushes_total", "thidua_blazor_circuits", "thidua_campaign_version" })
            Assert.Contains("# HELP " + name, scrape);
        ApiHost.DeleteDatabase(file);
    }

    /// <summary>How many pushes of the version the client has received, once it has <paramref name="expected"/> (or after 5 s).</summary>
    private static async Task<int> ReceivedAsync(MessageLog log, long version, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        int count;
        while ((count = log.Snapshot().Count(m => MessageLog.Version(m) == version)) < expected && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return count;
    }

    /// <summary>Pushes are sent after the POST has answered, so the scrape waits for them (the hub client got them already).</summary>
    private static async Task<string> ScrapeUntil(HttpClient client, Func<string, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var response = await client.GetAsync("metrics");
            response.EnsureSuccessStatusCode();
            var text = await response.Content.ReadAsStringAsync();
            if (ready(text) || DateTime.UtcNow > deadline) return text;
            await Task.Delay(50);
        }
    }

    /// <summary>The one sample of <paramref name="name"/> whose labels contain <paramref name="label"/>; -1 when absent.</summary>
    private static double Value(string scrape, string name, string label = "")
    {
        var samples = Sample().Matches(scrape)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        return samples.Count == 0 ? -1 : Assert.Single(samples);
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)(?: \d+)?$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
