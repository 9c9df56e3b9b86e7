using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ThiDua.LoadTest;

/// <summary>Bytes and objects of one type in a heap dump, or the change of them between two dumps.</summary>
public sealed record HeapType(string Type, long Bytes, long Count);

/// <summary>One <c>dotnet-gcdump</c> of the app: the live managed heap (the dump forces a full, blocking GC first).</summary>
public sealed record HeapSnapshot(string File, long Bytes, long Objects, IReadOnlyDictionary<string, HeapType> Types);

/// <summary>
/// The live managed heap of the app, from <c>dotnet-gcdump</c> (found on PATH or in ~/.dotnet/tools;
/// never installed by the harness). Unlike RSS this is what the process holds after a full GC: no
/// garbage, no GC budget, no JIT'd code or native buffers.
/// </summary>
public sealed partial class HeapDump
{
    private readonly string _tool;
    private readonly string _folder;

    private HeapDump(string tool, string folder)
    {
        _tool = tool;
        _folder = folder;
    }

    public string Tool => _tool;

    /// <summary>The tool, or null (with the places looked in) when it is not installed.</summary>
    public static HeapDump? Find(out string lookedIn)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "dotnet-gcdump"))
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump"))
            .ToList();
        lookedIn = "PATH and ~/.dotnet/tools";
        var tool = candidates.FirstOrDefault(File.Exists);
        return tool is null ? null : new HeapDump(tool, Directory.CreateTempSubdirectory("thidua-gcdump-").FullName);
    }

    /// <summary>Collects a dump of <paramref name="pid"/> and reads its per-type report.</summary>
    public async Task<HeapSnapshot> TakeAsync(int pid, string label, CancellationToken cancel)
    {
        var file = Path.Combine(_folder, $"{label}.gcdump");
        await RunAsync(["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file], cancel);
        var report = await RunAsync(["report", file], cancel);
        return Parse(file, report);
    }

    /// <summary>
    /// The heapstat report: a "N GC Heap bytes" and "N GC Heap objects" header, then one line per type
    /// and size bucket ("bytes-per-object count type (Bytes > 10K) [assembly]"), folded here into one per type.
    /// The per-type totals are estimates (the report gives one object size per bucket, so a bucket of
    /// arrays of different lengths is counted at one length); the header's total is the measure.
    /// </summary>
    public static HeapSnapshot Parse(string file, string report)
    {
        long? total = null, objects = null;
        var types = new Dictionary<string, HeapType>();
        foreach (var raw in report.Split('\n'))
        {
            var line = raw.Trim();
            if (Header().Match(line) is { Success: true } h)
            {
                var n = long.Parse(h.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
                if (h.Groups[2].Value == "bytes") total = n; else objects = n;
                continue;
            }
            if (TypeLine().Match(line) is not { Success: true } t) continue;
            var type = Assembly().Replace(Bucket().Replace(t.Groups[3].Value, ""), "").Trim();
            // The first column is the size of one object of the bucket, not the type's total.
            var count = long.Parse(t.Groups[2].Value.Replace(",", ""), CultureInfo.InvariantCulture);
            var bytes = long.Parse(t.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) * count;
            types[type] = types.TryGetValue(type, out var seen) ? seen with { Bytes = seen.Bytes + bytes, Count = seen.Count + count } : new HeapType(type, bytes, count);
        }
        if (total is null) throw new InvalidOperationException($"dotnet-gcdump report of {file} has no 'GC Heap bytes' line.");
        return new HeapSnapshot(file, total.Value, objects ?? 0, types);
    }

    /// <summary>The types that grew most from <paramref name="before"/> to <paramref name="after"/>, per <paramref name="per"/> (e.g. per circuit).</summary>
    public static IReadOnlyList<HeapType> Growth(HeapSnapshot before, HeapSnapshot after, int per, int top)
    {
        per = Math.Max(1, per);
        return [.. after.Types.Values
            .Select(a => before.Types.TryGetValue(a.Type, out var b) ? a with { Bytes = a.Bytes - b.Bytes, Count = a.Count - b.Count } : a)
            .OrderByDescending(d => d.Bytes)
            .Take(top)
            .Select(d => d with { Bytes = d.Bytes / per, Count = (long)Math.Round(d.Count / (double)per) })];
    }

    private async Task<string> RunAsync(string[] arguments, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(_tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{_tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var error = process.StandardError.ReadToEndAsync(cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            try { process.Kill(); } catch (Exception e) when (e is InvalidOperationException or Win32Exception) { }
            throw new TimeoutException($"dotnet-gcdump {arguments[0]} took over 3 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet-gcdump {arguments[0]} exited with {process.ExitCode}: {(await error).Trim()}");
        return await output;
    }

    [GeneratedRegex(@"^([\d,]+)\s+GC Heap (bytes|objects)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^([\d,]+)\s+([\d,]+)\s+(.+)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\s+\[[^\[\]]+\]$")]
    private static partial Regex Assembly();

    [GeneratedRegex(@"\s*\(Bytes > [^)]*\)")]
    private static partial Regex Bucket();
}
