using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace ThiDua.LoadTest;

public sealed record CircuitResult(
    int Circuits, string Page, string Unit, int Rounds,
    int PagesLive, double OpenSeconds, Percentiles TimeToLive,
    int PagesUpdatedEveryRound, IReadOnlyList<int> PagesUpdatedPerRound, Percentiles Update, IReadOnlyList<double> LastPagePerRound,
    double BaselineRssMiB, double LiveRssMiB, double RssDeltaMiB, double MiBPerCircuit, double ClosedRssMiB, double PeakRssMiB,
    double ServerCpuOpenSeconds, double ServerCoresOpen, double ServerCpuSettleSeconds, double ServerCpuIdleSeconds, double IdleSeconds,
    double ServerCpuUpdateSeconds, double ServerCoresUpdate,
    double BrowserCpuOpenSeconds, double BrowserCpuUpdateSeconds, int FailedRequests, IReadOnlyList<string> Problems)
{
    /// <summary>The live managed heap per circuit from dotnet-gcdump; null when the tool is missing or failed (see <see cref="HeapNote"/>).</summary>
    public HeapResult? Heap { get; init; }
    /// <summary>Why there is no <see cref="Heap"/>, or what to know about it.</summary>
    public string? HeapNote { get; init; }
}

/// <summary>
/// Live managed heap (dotnet-gcdump, after the full GC it forces) at the baseline, with K pages live, and
/// after they closed, in MB (10^6 bytes); per circuit = (live − baseline) ÷ pages live.
/// </summary>
public sealed record HeapResult(
    string Tool, double BaselineMB, double LiveMB, double ClosedMB, double MBPerCircuit,
    long ObjectsPerCircuit, IReadOnlyList<HeapType> LargestPerCircuit, IReadOnlyList<string> Files);

/// <summary>
/// K Blazor circuits of one board page in headless Chromium (Debian's /usr/bin/chromium through
/// Playwright; one browser, one context, K small pages). Measures the app's RSS per open circuit and,
/// for a few single updates of one unit on that board, when each page's score cell showed the new value.
/// </summary>
public sealed class CircuitRun(Options options, HttpClient http, Workload workload, ServerProcess server)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Installed in each live page: a MutationObserver that stamps, with the page's clock
    /// (performance.timeOrigin + now: wall-clock epoch ms, same clock as the harness), the first moment
    /// the unit's score cell showed each text, and a wait(text, ms) that resolves as soon as that text
    /// has been seen (or at the time-out). Event-driven: no polling, no Playwright round trip in the time.
    /// </summary>
    private const string Observer = """
        (code) => {
          const read = () => {
            const cell = document.querySelector(`tr[data-unit="${CSS.escape(code)}"] .thidua-score`);
            return cell ? cell.textContent.trim() : null;
          };
          const now = () => performance.timeOrigin + performance.now();
          const seen = new Map();
          const waiters = [];
          const check = () => {
            const text = read();
            if (text !== null && !seen.has(text)) seen.set(text, now());
            for (let i = waiters.length - 1; i >= 0; i--) {
              if (seen.has(waiters[i].text)) {
                const w = waiters.splice(i, 1)[0];
                clearTimeout(w.timer);
                w.resolve({ ok: true, at: seen.get(w.text), text: read() });
              }
            }
          };
          new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
          check();
          window.__thiduaWatch = {
            wait: (text, ms) => new Promise(resolve => {
              const w = { text, resolve, timer: 0 };
              w.timer = setTimeout(() => {
                const i = waiters.indexOf(w);
                if (i >= 0) waiters.splice(i, 1);
                resolve({ ok: false, at: 0, text: read() });
              }, ms);
              waiters.push(w);
              check();
            }),
          };
          return read();
        }
        """;

    private sealed class OpenPage(IPage page)
    {
        public IPage Page { get; } = page;
        public string? Text { get; set; }
    }

    public async Task<CircuitResult> RunAsync(CancellationToken cancel)
    {
        var problems = new List<string>();
        await CheckStaticAssetsAsync(cancel);

        var (block, group) = SplitBoard(options.CircuitBoard);
        var boardUnits = workload.Units.Where(u => u.BoardKey == options.CircuitBoard).ToList();
        if (boardUnits.Count == 0)
            throw new InvalidOperationException($"Board {options.CircuitBoard} has no units after seeding; pick another with --circuit-board.");
        // Mid-table, so a change moves it among others rather than off an edge.
        var unit = boardUnits[boardUnits.Count / 2];
        var pageUrl = new Uri(http.BaseAddress!, $"bang-xep-hang/{Uri.EscapeDataString(block)}" + (group.Length > 0 ? $"?nhom={Uri.EscapeDataString(group)}" : "")).ToString();
        Console.WriteLine($"  circuits: {options.Circuits} pages of {pageUrl}, watching {unit.Code} (board of {boardUnits.Count} units)");

        if (!File.Exists(options.Chromium))
            throw new InvalidOperationException($"--circuits needs Chromium at {options.Chromium} (apt-get install -y chromium); the harness never downloads a browser.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.Chromium,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 800, Height = 600 },
            Locale = "vi-VN",
        });
        var failedRequests = 0;
        var browserErrors = new List<string>();
        void Watch(IPage page)
        {
            page.Response += (_, response) =>
            {
                if (response.Status < 400) return;
                Interlocked.Increment(ref failedRequests);
                Note($"HTTP {response.Status} {response.Url}");
            };
            page.RequestFailed += (_, request) =>
            {
                Interlocked.Increment(ref failedRequests);
                Note($"request failed: {request.Method} {request.Url} ({request.Failure})");
            };
            page.Console += (_, message) => { if (message.Type == "error") Note("console error: " + message.Text); };
            page.PageError += (_, error) => Note("page error: " + error);
        }
        // The first few things the browser complained about, printed once: why a page would not go live.
        void Note(string what)
        {
            lock (browserErrors)
            {
                if (browserErrors.Count >= 10) return;
                browserErrors.Add(what);
                Console.Error.WriteLine("  [browser] " + what);
            }
        }

        // Warm-up: one page opened and closed, so the baseline holds the JIT-compiled page, MudBlazor's
        // services and the first render's caches, not a cold process.
        var harnessPid = Environment.ProcessId;
        {
            var warm = await context.NewPageAsync();
            Watch(warm);
            await OpenAsync(warm, pageUrl);
            await warm.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30), cancel);
        }
        await Task.Delay(TimeSpan.FromSeconds(3), cancel);
        var baselineRss = await SampleRssAsync(cancel);
        Console.WriteLine($"  warm-up page opened and closed; server RSS baseline {baselineRss:F1} MiB");
        // The live heap beside RSS: taken after the RSS readings (its full GC would lower them) and
        // outside every CPU window (the tool is a child of the harness, counted with the browser).
        var heapDump = HeapDump.Find(out var lookedIn);
        string? heapNote = heapDump is null ? $"dotnet-gcdump not found (looked in {lookedIn}): live managed heap not measured" : null;
        HeapSnapshot? baselineHeap = null, liveHeap = null, closedHeap = null;
        async Task<HeapSnapshot?> DumpAsync(string label)
        {
            if (heapDump is null) return null;
            try
            {
                var snapshot = await heapDump.TakeAsync(server.Pid, label, cancel);
                Console.WriteLine($"  live managed heap ({label}): {snapshot.Bytes / 1e6:F2} MB, {snapshot.Objects:N0} objects");
                return snapshot;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
            {
                heapNote = $"dotnet-gcdump failed at {label}: {e.Message.Split('\n')[0]}";
                Console.Error.WriteLine("  " + heapNote);
                heapDump = null;
                return null;
            }
        }
        if (heapNote is not null) Console.WriteLine("  " + heapNote);
        baselineHeap = await DumpAsync("baseline");

        // K pages, a few opening at a time: each loads the page, blazor.web.js and MudBlazor, and
        // opens its circuit; all of it on the same 2 cores as the app.
        var serverCpu0 = ProcStats.CpuSeconds(server.Pid);
        var browserCpu0 = ProcStats.DescendantsCpuSeconds(harnessPid, server.Pid);
        var pages = new List<OpenPage>();
        var timeToLive = new List<double>();
        var open = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.OpenParallelism))
        {
            var tasks = Enumerable.Range(0, options.Circuits).Select(async n =>
            {
                await gate.WaitAsync(cancel);
                IPage? page = null;
                try
                {
                    page = await context.NewPageAsync();
                    Watch(page);
                    var t0 = Stopwatch.GetTimestamp();
                    await OpenAsync(page, pageUrl);
                    var live = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    var text = await page.EvaluateAsync<string?>(Observer, unit.Code);
                    if (text is null) throw new InvalidOperationException($"row tr[data-unit={unit.Code}] has no .thidua-score cell");
                    lock (pages)
                    {
                        pages.Add(new OpenPage(page) { Text = text });
                        timeToLive.Add(live);
                    }
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException or InvalidOperationException)
                {
                    lock (problems) problems.Add($"page {n + 1}: {e.Message.Split('\n')[0]}");
                    if (page is not null)
                    {
                        try { await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30), cancel); }
                        catch (Exception close) when (close is PlaywrightException or TimeoutException) { }
                    }
                }
                finally { gate.Release(); }
            }).ToList();
            await Task.WhenAll(tasks);
        }
        open.Stop();
        var serverCpuOpen = ProcStats.CpuSeconds(server.Pid) - serverCpu0;
        var browserCpuOpen = ProcStats.DescendantsCpuSeconds(harnessPid, server.Pid) - browserCpu0;
        Console.WriteLine($"  {pages.Count}/{options.Circuits} pages live in {open.Elapsed.TotalSeconds:F1} s (server {serverCpuOpen:F1} s CPU, browser {browserCpuOpen:F1} s CPU)");

        // Settle (the app keeps working for a few seconds after a burst of new circuits: tier-1 JIT,
        // collections), then the memory of K live circuits and what they cost doing nothing.
        var settle0 = ProcStats.CpuSeconds(server.Pid);
        await Task.Delay(TimeSpan.FromSeconds(3), cancel);
        var serverCpuSettle = ProcStats.CpuSeconds(server.Pid) - settle0;
        var idle0 = ProcStats.CpuSeconds(server.Pid);
        var idle = Stopwatch.StartNew();
        var liveRss = await SampleRssAsync(cancel);
        var rest = TimeSpan.FromSeconds(5) - idle.Elapsed;
        if (rest > TimeSpan.Zero) await Task.Delay(rest, cancel);
        idle.Stop();
        var serverCpuIdle = ProcStats.CpuSeconds(server.Pid) - idle0;
        Console.WriteLine($"  server RSS with {pages.Count} circuits live: {liveRss:F1} MiB ({(liveRss - baselineRss) / Math.Max(1, pages.Count):F3} MiB per circuit)");
        liveHeap = await DumpAsync($"live-{pages.Count}");
        if (baselineHeap is not null && liveHeap is not null)
            Console.WriteLine($"  live managed heap per circuit: {(liveHeap.Bytes - baselineHeap.Bytes) / 1e6 / Math.Max(1, pages.Count):F3} MB");

        // Rounds: one figure of the watched unit, then every page must show the score the API now serves.
        var serverCpu1 = ProcStats.CpuSeconds(server.Pid);
        var browserCpu1 = ProcStats.DescendantsCpuSeconds(harnessPid, server.Pid);
        var updateWatch = Stopwatch.StartNew();
        var latencies = new List<double>();
        var updatedPerRound = new List<int>();
        var lastPerRound = new List<double>();
        var updatedEveryRound = pages.ToHashSet();
        for (var round = 0; round < options.CircuitRounds && pages.Count > 0; round++)
        {
            if (round > 0) await Task.Delay(TimeSpan.FromSeconds(1), cancel);
            var figure = workload.NextFor(unit);
            var sentAt = EpochMilliseconds();
            using (var response = await http.PostAsJsonAsync("api/v1/figures", Workload.Body([figure]), cancel))
            {
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"POST of the watched figure failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancel)}");
            }
            var expected = await ScoreTextAsync(block, group, unit.Code, cancel);
            var stale = pages.Count(p => p.Text == expected);
            if (stale > 0) problems.Add($"round {round + 1}: the update did not change {unit.Code}'s shown score ({expected}) on {stale} pages");

            var answers = await Task.WhenAll(pages.Select(async p =>
            {
                try
                {
                    var answer = await p.Page.EvaluateAsync<JsonElement>("([t, ms]) => window.__thiduaWatch.wait(t, ms)",
                            new object[] { expected, options.CircuitTimeoutSeconds * 1000 })
                        .WaitAsync(TimeSpan.FromSeconds(options.CircuitTimeoutSeconds + 15), cancel);
                    return (Page: p, Ok: answer.GetProperty("ok").GetBoolean(), At: answer.GetProperty("at").GetDouble(),
                            Text: answer.GetProperty("text").ValueKind == JsonValueKind.String ? answer.GetProperty("text").GetString() : null);
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    return (Page: p, Ok: false, At: 0.0, Text: "(no answer: " + e.Message.Split('\n')[0] + ")");
                }
            }));
            var roundLatencies = new List<double>();
            foreach (var a in answers)
            {
                if (a.Ok)
                {
                    roundLatencies.Add(a.At - sentAt);
                    a.Page.Text = expected;
                }
                else
                {
                    updatedEveryRound.Remove(a.Page);
                    a.Page.Text = a.Text;
                }
            }
            var missed = answers.Where(a => !a.Ok).ToList();
            if (missed.Count > 0)
                problems.Add($"round {round + 1}: {missed.Count} pages did not show {expected} within {options.CircuitTimeoutSeconds} s (e.g. showing '{missed[0].Text}')");
            latencies.AddRange(roundLatencies);
            updatedPerRound.Add(roundLatencies.Count);
            lastPerRound.Add(roundLatencies.Count > 0 ? roundLatencies.Max() : double.NaN);
            Console.WriteLine($"  round {round + 1}: {unit.Code} → {expected}; {roundLatencies.Count}/{pages.Count} pages showed it, last after {(roundLatencies.Count > 0 ? roundLatencies.Max() : double.NaN):F0} ms");
        }
        updateWatch.Stop();
        var serverCpuUpdate = ProcStats.CpuSeconds(server.Pid) - serverCpu1;
        var browserCpuUpdate = ProcStats.DescendantsCpuSeconds(harnessPid, server.Pid) - browserCpu1;
        var peakRss = ProcStats.StatusMiB(server.Pid, "VmHWM");
        if (latencies.Any(ms => ms < 0)) problems.Add("a page stamped the change before the POST was sent: page and harness clocks disagree");

        // Close every page (each sends Blazor's disconnect), then what the app gives back.
        using (var gate = new SemaphoreSlim(options.OpenParallelism))
        {
            await Task.WhenAll(pages.Select(async p =>
            {
                await gate.WaitAsync(cancel);
                try { await p.Page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30), cancel); }
                catch (Exception e) when (e is PlaywrightException or TimeoutException) { }
                finally { gate.Release(); }
            }));
        }
        await Task.Delay(TimeSpan.FromSeconds(3), cancel);
        var closedRss = await SampleRssAsync(cancel);
        closedHeap = await DumpAsync("closed");

        HeapResult? heap = null;
        if (baselineHeap is not null && liveHeap is not null && pages.Count > 0)
        {
            heap = new HeapResult(heapDump?.Tool ?? "dotnet-gcdump", baselineHeap.Bytes / 1e6, liveHeap.Bytes / 1e6, (closedHeap?.Bytes ?? double.NaN) / 1e6,
                (liveHeap.Bytes - baselineHeap.Bytes) / 1e6 / pages.Count,
                (long)Math.Round((liveHeap.Objects - baselineHeap.Objects) / (double)pages.Count),
                HeapDump.Growth(baselineHeap, liveHeap, pages.Count, 15),
                [.. new[] { baselineHeap, liveHeap, closedHeap }.OfType<HeapSnapshot>().Select(h => h.File)]);
            Console.WriteLine("  largest growth per circuit, by type (baseline → live):");
            foreach (var t in heap.LargestPerCircuit) Console.WriteLine($"    {t.Bytes,9:N0} B {t.Count,6:N0}  {t.Type}");
        }

        var delta = liveRss - baselineRss;
        var updateSeconds = updateWatch.Elapsed.TotalSeconds;
        return new CircuitResult(
            options.Circuits, pageUrl, unit.Code, options.CircuitRounds,
            pages.Count, open.Elapsed.TotalSeconds, Percentiles.Of(timeToLive),
            updatedEveryRound.Count, updatedPerRound, Percentiles.Of(latencies), lastPerRound,
            baselineRss, liveRss, delta, pages.Count > 0 ? delta / pages.Count : double.NaN, closedRss, peakRss,
            serverCpuOpen, serverCpuOpen / open.Elapsed.TotalSeconds, serverCpuSettle, serverCpuIdle, idle.Elapsed.TotalSeconds,
            serverCpuUpdate, serverCpuUpdate / updateSeconds,
            browserCpuOpen, browserCpuUpdate, Volatile.Read(ref failedRequests), problems)
        {
            Heap = heap,
            HeapNote = heapNote,
        };
    }

    /// <summary>
    /// The started app must serve the framework's and MudBlazor's static files, or no page would ever go
    /// live. A 200 is not enough: run from the build output in Production, the app answers these paths
    /// 200 with an empty body and no content type (static web assets are mapped only in Development or
    /// from a publish folder), and Chromium then refuses every script and style.
    /// </summary>
    private async Task CheckStaticAssetsAsync(CancellationToken cancel)
    {
        foreach (var (path, type) in new[] { ("_content/MudBlazor/MudBlazor.min.css", "text/css"), ("_framework/blazor.web.js", "text/javascript") })
        {
            using var response = await http.GetAsync(path, cancel);
            var body = await response.Content.ReadAsByteArrayAsync(cancel);
            var served = response.Content.Headers.ContentType?.MediaType;
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0 || served != type)
                throw new InvalidOperationException(
                    $"/{path} answered {(int)response.StatusCode} with {body.Length} bytes of '{served}': the app does not serve its static assets "
                    + "as started (the circuits mode starts it with ASPNETCORE_ENVIRONMENT=Development for that).");
        }
    }

    /// <summary>Loads the page and waits until its circuit is live: the layout says data-interactive="true".</summary>
    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url, new PageGotoOptions { Timeout = 60_000, WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("[data-interactive=true]").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    }

    /// <summary>The unit's score as the API serves it now, written the way the page writes it (vi-VN, two decimals: "87,45").</summary>
    private async Task<string> ScoreTextAsync(string block, string group, string unitCode, CancellationToken cancel)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("api/v1/leaderboards", cancel));
        foreach (var board in json.RootElement.GetProperty("boards").EnumerateArray())
        {
            if (board.GetProperty("block").GetString() != block || (board.GetProperty("group").GetString() ?? "") != group) continue;
            foreach (var entry in board.GetProperty("entries").EnumerateArray())
                if (entry.GetProperty("unit").GetString() == unitCode)
                    return entry.GetProperty("score").GetDecimal().ToString("N2", Vietnamese);
        }
        throw new InvalidOperationException($"{unitCode} is no longer on board {block}/{group} after the update.");
    }

    /// <summary>Median of three VmRSS readings half a second apart: one reading can land mid-collection.</summary>
    private async Task<double> SampleRssAsync(CancellationToken cancel)
    {
        var samples = new List<double>();
        for (var n = 0; n < 3; n++)
        {
            if (n > 0) await Task.Delay(500, cancel);
            samples.Add(ProcStats.StatusMiB(server.Pid, "VmRSS"));
        }
        samples.Sort();
        return samples[1];
    }

    private static (string Block, string Group) SplitBoard(string key)
    {
        var at = key.IndexOf('/');
        return at < 0 ? (key, "") : (key[..at], key[(at + 1)..]);
    }

    private static double EpochMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
}
