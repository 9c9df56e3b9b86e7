using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Demo;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Demo;

/// <summary>
/// The demo (<c>--demo</c> only): fills an empty database with a simulated year, then keeps
/// sending a few small figures every few seconds so the boards move. Everything goes through
/// <see cref="FigureIngestion"/>, like any other way in. It never writes into a database that
/// holds real figures, and its failures are logged, never thrown into the app.
/// </summary>
public sealed class DemoFeed(
    EngineHost host,
    FigureIngestion ingestion,
    FigureRepository figures,
    Database database,
    CampaignKey campaign,
    DemoState state,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoFeed> logger) : BackgroundService
{
    // Latest figure per unit and indicator, as the engine knows it: the feed only ever raises it.
    private readonly Dictionary<(string Unit, string Indicator), Figure> _latest = [];
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly Random _random = new(DemoCampaign.DefaultSeed + 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await PrepareAsync(stoppingToken)) return;
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Demo: a live batch failed; the feed carries on");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Demo: the feed stopped");
        }
    }

    /// <summary>Writes the simulated year into an empty database, or resumes after one; false when it must not write.</summary>
    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        var engine = host.Engine;
        var year = DemoCampaign.Generate(host.Campaign, engine.Units, engine.AsOf);
        _held.UnionWith(year.ArrangedUnits);

        if (await figures.CountAsync(cancellationToken) == 0)
        {
            if (!await WriteYearAsync(year, cancellationToken)) return false;
        }
        else if (await DemoData.AnyFiguresAsync(database, campaign, cancellationToken))
        {
            state.MarkActive();
            logger.LogInformation("Demo: the database already holds simulated figures; resuming the live feed");
        }
        else
        {
            logger.LogWarning("Demo: the database holds real figures and none from the demo; the demo writes nothing, so no simulated figure is mixed into real data");
            return false;
        }

        foreach (var stored in await figures.ReadAllAsync(cancellationToken))
            Remember(stored.Figure);
        logger.LogInformation("Demo: live feed every {Seconds} s as of {AsOf}", options.Value.IntervalSeconds, engine.AsOf);
        return true;
    }

    private async Task<bool> WriteYearAsync(DemoYear year, CancellationToken cancellationToken)
    {
        var registered = 0;
        foreach (var registration in year.Registrations)
        {
            // A registration someone already recorded is real; leave it.
            if (registration.RegisteredOn is null || host.Engine.Unit(registration.Unit)?.RegisteredOn is not null) continue;
            await ingestion.SetRegistrationAsync(registration.Unit, registration.RegisteredOn, DemoData.Source, DemoData.By, cancellationToken);
            registered++;
        }

        long version = 0;
        foreach (var batch in year.Batches)
        {
            var result = await ingestion.SubmitAsync(batch.Figures, DemoData.Source, DemoData.By, cancellationToken);
            if (!result.IsAccepted)
            {
                logger.LogError("Demo: the simulated batch of {Month:yyyy-MM} was refused ({Count} errors, first: {Error}); the demo stops",
                    batch.Month, result.Errors.Count, Describe(result.Errors[0]));
                return false;
            }
            state.MarkActive();
            version = result.Version;
        }

        logger.LogInformation(
            "Demo: wrote a simulated campaign as of {AsOf}: {Figures} figures in {Batches} batches, {Registered} registrations, version {Version}; silent units {Silent}, near-ties {Ties}",
            year.AsOf, year.FigureCount, year.Batches.Count, registered, version,
            string.Join(", ", year.SilentUnits), string.Join(", ", year.NearTies.Select(t => $"{t.Higher}~{t.Lower}")));
        return true;
    }

    /// <summary>1–3 units, one content each, a little further as of the live date.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var engine = host.Engine;
        var asOf = engine.AsOf;
        var candidates = _latest.Values
            .Where(f => f.AsOf <= asOf && !_held.Contains(f.Unit) && engine.Unit(f.Unit)?.IsActiveOn(asOf) == true)
            .GroupBy(f => f.Unit)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => f.Indicator, StringComparer.Ordinal).ToList())
            .ToList();
        if (candidates.Count == 0) return;

        var batch = new List<Figure>(3);
        var count = Math.Min(candidates.Count, _random.Next(1, 4));
        foreach (var unit in _random.GetItems(candidates.ToArray(), count * 3).DistinctBy(u => u[0].Unit).Take(count))
            batch.Add(Next(unit[_random.Next(unit.Count)], asOf));

        var result = await ingestion.SubmitAsync(batch, DemoData.Source, DemoData.By, cancellationToken);
        if (!result.IsAccepted)
        {
            logger.LogWarning("Demo: a live batch was refused: {Error}", Describe(result.Errors[0]));
            return;
        }
        state.MarkActive();
        foreach (var figure in batch) Remember(figure);
        logger.LogInformation("Demo: version {Version}: {Figures}", result.Version,
            string.Join("; ", batch.Select(f => f.IsDossiers ? $"{f.Unit} {f.Indicator} {f.Numerator}" : $"{f.Unit} {f.Indicator} {f.Numerator}/{f.Denominator}")));
    }

    /// <summary>The same figure a little further on: cumulative, so nothing goes down, and never more done than received.</summary>
    private Figure Next(Figure last, DateOnly asOf)
    {
        if (last.IsDossiers)
            return last with { AsOf = asOf, Numerator = last.Numerator + 1 + _random.Next(Math.Max(2, (int)Math.Min(last.Numerator / 150, 60))) };

        var denominator = last.Denominator ?? 0;
        // New dossiers arrive (up to about 0.5%), and more of them are handled well (up to about 1%).
        var arrived = _random.Next(Math.Max(2, (int)Math.Min(denominator / 200, 40)));
        var improved = 1 + _random.Next(Math.Max(2, (int)Math.Min(denominator / 100, 80)));
        var newDenominator = denominator + arrived;
        if (last.Numerator + 1 > newDenominator) newDenominator = last.Numerator + 1;
        var numerator = Math.Min(newDenominator, last.Numerator + improved);
        return last with { AsOf = asOf, Numerator = numerator, Denominator = newDenominator };
    }

    private void Remember(Figure figure)
    {
        var key = (figure.Unit, figure.Indicator);
        // Same date: the later arrival is a correction and replaces the earlier one, as in the engine.
        if (!_latest.TryGetValue(key, out var known) || figure.AsOf >= known.AsOf) _latest[key] = figure;
    }

    private static string Describe(FigureError error) => $"#{error.Index} {error.Field}: {error.Message}";
}
