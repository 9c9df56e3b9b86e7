using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Units;

namespace ThiDua.LoadTest;

public sealed record FreshnessResult(string System, string Measures, Percentiles Latency, string Note)
{
    /// <summary>The note of a row that times only the board step (no durable write), compared with ThiDua's engine.</summary>
    public const string BoardStepAlone = "board step alone";
}

/// <summary>
/// Update-to-fresh-board time for the same sequence of single updates, one at a time, on the same
/// clock: ThiDua over HTTP, a SQLite table recomputed with SQL, and Redis sorted sets.
/// </summary>
public static class Baselines
{
    public static async Task<List<FreshnessResult>> ThiDuaAsync(HttpClient http, IReadOnlyList<FigureItem> updates, CancellationToken cancel)
    {
        var postOnly = new List<double>();
        var postThenGet = new List<double>();
        foreach (var figure in updates)
        {
            var t0 = Stopwatch.GetTimestamp();
            using (var response = await http.PostAsJsonAsync("api/v1/figures", Workload.Body([figure]), cancel))
                response.EnsureSuccessStatusCode();
            var t1 = Stopwatch.GetTimestamp();
            // The whole live picture, as a page or client would read it after the write.
            _ = await http.GetStringAsync("api/v1/leaderboards", cancel);
            var t2 = Stopwatch.GetTimestamp();
            postOnly.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
            postThenGet.Add(Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds);
        }
        return
        [
            new("ThiDua", "POST returns (stored with synchronous=FULL, applied: board readable)", Percentiles.Of(postOnly), "HTTP on loopback"),
            new("ThiDua", "POST + GET /api/v1/leaderboards", Percentiles.Of(postThenGet), "HTTP on loopback, all boards read"),
        ];
    }

    /// <summary>
    /// ThiDua's board step alone: the same seed loaded into the app's own engine in this process, then
    /// each update applied and its board read back, with no HTTP, validation or durable write. The
    /// counterpart of the SQL recompute alone and of Redis without persistence.
    /// </summary>
    public static async Task<FreshnessResult> ThiDuaEngineAsync(HttpClient http, Workload workload, IReadOnlyList<FigureItem> updates, CancellationToken cancel)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        var rules = configuration.GetSection("ThiDua:Campaign").Get<CampaignRules>()
                    ?? throw new InvalidOperationException("ThiDua:Campaign is missing from the app's appsettings.json");
        using var unitsJson = JsonDocument.Parse(await http.GetStringAsync("api/v1/units", cancel));
        var onBoards = workload.Units.Select(u => u.Code).ToHashSet();
        var units = unitsJson.RootElement.EnumerateArray()
            .Where(u => onBoards.Contains(u.GetProperty("code").GetString()!))
            .Select(u => new UnitInfo(u.GetProperty("code").GetString()!, u.GetProperty("name").GetString()!, u.GetProperty("block").GetString()!))
            .ToList();
        var engine = new LeaderboardEngine(rules, units, workload.AsOf);
        engine.Load(workload.SeedDossiers.Where(f => onBoards.Contains(f.Unit)).Select(f => new Figure(f.Unit, Figure.Dossiers, f.AsOf, f.Numerator, null))
            .Concat(workload.Seed.Select(ToFigure)), version: 1);

        var latencies = new List<double>();
        foreach (var f in updates)
        {
            var t0 = Stopwatch.GetTimestamp();
            engine.Apply(ToFigure(f));
            var (block, grp) = Split(f.BoardKey);
            var board = engine.Board(new BoardKey(block, grp.Length == 0 ? null : grp));
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (board.Entries.Length == 0) throw new InvalidOperationException($"ThiDua engine: empty board {f.BoardKey}");
        }
        return new("ThiDua engine", "the app's LeaderboardEngine in-process: Apply(figure) + the board's snapshot (no HTTP, no durable write)",
            Percentiles.Of(latencies), FreshnessResult.BoardStepAlone);
    }

    private static Figure ToFigure(FigureItem f) => new(f.Unit, f.Indicator, f.AsOf, f.Numerator, f.Denominator);

    public static async Task<List<FreshnessResult>> SqliteAsync(Workload workload, IReadOnlyList<FigureItem> updates, CancellationToken cancel)
    {
        var folder = Directory.CreateTempSubdirectory("thidua-sqlite-baseline-").FullName;
        try
        {
            // Same durability promise as the app: WAL with synchronous=FULL.
            await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "plain.db")};Pooling=False");
            await db.OpenAsync(cancel);
            await db.ExecuteAsync("""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                CREATE TABLE units (code TEXT PRIMARY KEY, block TEXT NOT NULL, grp TEXT NOT NULL) STRICT;
                CREATE TABLE indicators (code TEXT PRIMARY KEY, max_points REAL NOT NULL, full_credit_at REAL NOT NULL) STRICT;
                CREATE TABLE applies (indicator TEXT NOT NULL, block TEXT NOT NULL, PRIMARY KEY (block, indicator)) STRICT;
                CREATE TABLE figures (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, indicator TEXT NOT NULL, as_of TEXT NOT NULL,
                                      numerator INTEGER NOT NULL, denominator INTEGER NOT NULL) STRICT;
                CREATE INDEX figures_unit ON figures (unit, indicator, as_of);
                """);
            await using (var tx = await db.BeginTransactionAsync(cancel))
            {
                foreach (var u in workload.Units)
                {
                    var grp = u.BoardKey[(u.BoardKey.IndexOf('/') + 1)..];
                    await db.ExecuteAsync("INSERT INTO units VALUES (@Code, @Block, @grp)", new { u.Code, u.Block, grp }, tx);
                }
                foreach (var i in workload.Indicators)
                {
                    await db.ExecuteAsync("INSERT INTO indicators VALUES (@Code, @MaxPoints, @FullCreditAt)", new { i.Code, i.MaxPoints, i.FullCreditAt }, tx);
                    foreach (var block in i.AppliesTo)
                        await db.ExecuteAsync("INSERT INTO applies VALUES (@Code, @block)", new { i.Code, block }, tx);
                }
                foreach (var f in workload.Seed)
                    await db.ExecuteAsync(Insert, Args(f), tx);
                await tx.CommitAsync(cancel);
            }

            var latencies = new List<double>();
            var recomputeOnly = new List<double>();
            var insertOnly = new List<double>();
            foreach (var f in updates)
            {
                var t0 = Stopwatch.GetTimestamp();
                await db.ExecuteAsync(Insert, Args(f));
                var t1 = Stopwatch.GetTimestamp();
                var (block, grp) = Split(f.BoardKey);
                var board = (await db.QueryAsync<(string Unit, double Score, long Rank)>(BoardSql, new { block, grp, asOf = Iso(workload.AsOf) })).AsList();
                var t2 = Stopwatch.GetTimestamp();
                latencies.Add(Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds);
                recomputeOnly.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                insertOnly.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                if (board.Count == 0) throw new InvalidOperationException($"SQLite baseline: empty board {f.BoardKey}");
            }
            return
            [
                new("SQLite plain", "INSERT (WAL, synchronous=FULL) + recompute the board in SQL", Percentiles.Of(latencies), "in-process, one open connection"),
                new("SQLite plain", "the SQL recompute alone (after the INSERT)", Percentiles.Of(recomputeOnly), FreshnessResult.BoardStepAlone),
                // The floor of every durable design on this disk: one committed row, nothing else.
                new("SQLite plain", "the INSERT alone: one durable commit (WAL, synchronous=FULL)", Percentiles.Of(insertOnly), "durable-write floor"),
            ];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Scores every unit of the board from its latest figure per content, then ranks by the shown score.</summary>
    private const string BoardSql = """
        WITH latest AS (
          SELECT f.unit, f.indicator, f.numerator, f.denominator,
                 ROW_NUMBER() OVER (PARTITION BY f.unit, f.indicator ORDER BY f.as_of DESC, f.id DESC) AS rn
          FROM figures f JOIN units u ON u.code = f.unit
          WHERE u.block = @block AND u.grp = @grp AND f.as_of <= @asOf),
        scored AS (
          SELECT u.code AS unit, u.block, u.grp,
                 100.0 * SUM(COALESCE(i.max_points * min(1.0, (l.numerator * 1.0 / l.denominator) / i.full_credit_at), 0.0))
                       / SUM(i.max_points) AS score
          FROM units u
          JOIN applies a ON a.block = u.block
          JOIN indicators i ON i.code = a.indicator
          LEFT JOIN latest l ON l.unit = u.code AND l.indicator = i.code AND l.rn = 1
          WHERE u.block = @block AND u.grp = @grp
          GROUP BY u.code, u.block, u.grp)
        SELECT unit AS Unit, round(score, 2) AS Score, RANK() OVER (PARTITION BY block, grp ORDER BY round(score, 2) DESC) AS Rank
        FROM scored ORDER BY Rank, Unit
        """;

    private const string Insert = "INSERT INTO figures (unit, indicator, as_of, numerator, denominator) VALUES (@Unit, @Indicator, @asOf, @Numerator, @Denominator)";

    private static object Args(FigureItem f) => new { f.Unit, f.Indicator, asOf = Iso(f.AsOf), f.Numerator, f.Denominator };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string Block, string Group) Split(string boardKey)
    {
        var at = boardKey.IndexOf('/');
        return (boardKey[..at], boardKey[(at + 1)..]);
    }

    /// <param name="persistence">"always" (appendonly, fsync every write: the app's durability) or "none".</param>
    public static async Task<FreshnessResult?> RedisAsync(string redisServer, string persistence, Workload workload, IReadOnlyList<FigureItem> updates, CancellationToken cancel)
    {
        if (!File.Exists(redisServer))
        {
            Console.WriteLine($"  {redisServer} not found: Redis baseline skipped (apt-get install -y redis-server)");
            return null;
        }
        var folder = Directory.CreateTempSubdirectory("thidua-redis-baseline-").FullName;
        var port = FreePort();
        var args = new List<string> { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--dir", folder, "--protected-mode", "yes" };
        args.AddRange(persistence == "always" ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]);
        using var process = Process.Start(new ProcessStartInfo(redisServer, args) { RedirectStandardOutput = true, RedirectStandardError = true })
                            ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            ConnectionMultiplexer? redis = null;
            for (var attempt = 0; attempt < 50 && redis is null; attempt++)
            {
                try { redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=true,connectTimeout=1000"); }
                catch (RedisConnectionException) { await Task.Delay(100, cancel); }
            }
            if (redis is null) throw new InvalidOperationException("redis-server did not answer");
            await using var _ = redis;
            var db = redis.GetDatabase();
            var indicators = workload.Indicators.ToDictionary(i => i.Code);
            var blockOf = workload.Units.ToDictionary(u => u.Code, u => u.Block);

            // Seed: each unit's latest figure per content in a hash, its score in its board's sorted set.
            var latest = workload.Seed.GroupBy(f => (f.Unit, f.Indicator)).Select(g => g.MaxBy(f => f.AsOf)!);
            foreach (var f in latest)
                await db.HashSetAsync("unit:" + f.Unit, f.Indicator, $"{f.Numerator}/{f.Denominator}");
            foreach (var u in workload.Units)
                await db.SortedSetAddAsync("board:" + u.BoardKey, u.Code, Score(await db.HashGetAllAsync("unit:" + u.Code), u.Block, workload, indicators));

            var latencies = new List<double>();
            foreach (var f in updates)
            {
                var t0 = Stopwatch.GetTimestamp();
                await db.HashSetAsync("unit:" + f.Unit, f.Indicator, $"{f.Numerator}/{f.Denominator}");
                var score = Score(await db.HashGetAllAsync("unit:" + f.Unit), blockOf[f.Unit], workload, indicators);
                await db.SortedSetAddAsync("board:" + f.BoardKey, f.Unit, score);
                var board = await db.SortedSetRangeByRankWithScoresAsync("board:" + f.BoardKey, 0, -1, Order.Descending);
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (board.Length == 0) throw new InvalidOperationException($"Redis baseline: empty board {f.BoardKey}");
            }
            var mode = persistence == "always" ? "appendonly yes, appendfsync always" : "no persistence (--save '' --appendonly no)";
            // Without persistence Redis does no durable write: its whole update is the board step.
            return new($"Redis sorted set ({persistence})", "HSET + HGETALL, score in the client, ZADD + ZREVRANGE WITHSCORES", Percentiles.Of(latencies),
                persistence == "always" ? mode : FreshnessResult.BoardStepAlone);
        }
        finally
        {
            if (!process.HasExited) { process.Kill(); process.WaitForExit(5000); }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The campaign's formula: points = max × min(1, rate ÷ fullCreditAt); score = 100 × Σearned ÷ Σavailable (no data = 0 earned).</summary>
    private static double Score(HashEntry[] figures, string block, Workload workload, Dictionary<string, Indicator> indicators)
    {
        double earned = 0, available = 0;
        foreach (var i in workload.Indicators.Where(i => i.AppliesTo.Contains(block))) available += i.MaxPoints;
        foreach (var entry in figures)
        {
            var i = indicators[entry.Name!];
            var parts = entry.Value.ToString().Split('/');
            var rate = double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
            earned += i.MaxPoints * Math.Min(1, rate / i.FullCreditAt);
        }
        return Math.Round(100 * earned / available, 2, MidpointRounding.AwayFromZero);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
