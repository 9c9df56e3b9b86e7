using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Import;

/// <summary>A row whose figure differs from the one in effect on its date: old (null when none) → new.</summary>
public sealed record ImportChange(int Row, string Unit, string UnitName, string Indicator,
    long? OldNumerator, long? OldDenominator, long NewNumerator, long? NewDenominator);

/// <summary>A unit's score on the engine's date now and once the file is stored; null when it is on no board then.</summary>
public sealed record ImportScoreChange(string Unit, string Name, decimal? Before, decimal? After);

/// <summary>
/// What storing a valid file would change, worked out without touching the live engine: per row the
/// figure in effect on its date against the file's, and per unit the score before and after, the
/// latter scored by a throw-away engine over the unit's figures in effect plus the file's.
/// </summary>
public static class ImportEffect
{
    /// <summary>The change rows listed; <see cref="ImportPreview.ChangeCount"/> counts them all.</summary>
    public const int MaxListedChanges = FigureFile.MaxListedErrors;

    public static ImportPreview Apply(ImportPreview preview, FigureFile file, LeaderboardEngine engine)
    {
        if (preview.HasErrors || file.Figures.Count == 0) return preview;
        var changes = new List<ImportChange>();
        var changed = new List<string>();
        var count = 0;
        for (var i = 0; i < file.Figures.Count; i++)
        {
            var figure = file.Figures[i];
            var old = engine.Reported(figure.Unit, figure.Indicator, figure.AsOf);
            if (old is { } o && o.AsOf == figure.AsOf && o.Numerator == figure.Numerator && o.Denominator == figure.Denominator) continue;
            count++;
            if (!changed.Contains(figure.Unit)) changed.Add(figure.Unit);
            if (changes.Count < MaxListedChanges)
                changes.Add(new ImportChange(file.Rows[i], figure.Unit, engine.Unit(figure.Unit)?.Name ?? figure.Unit, figure.Indicator,
                    old?.Numerator, old?.Denominator, figure.Numerator, figure.Denominator));
        }
        return preview with
        {
            Changes = changes,
            ChangeCount = count,
            AllStored = count == 0,
            Scores = count == 0 ? [] : Scores(engine, changed, file.Figures),
        };
    }

    private static IReadOnlyList<ImportScoreChange> Scores(LeaderboardEngine engine, IReadOnlyList<string> codes, IReadOnlyList<Figure> fileFigures)
    {
        var asOf = engine.AsOf;
        var now = engine.Current();
        var units = codes.Select(engine.Unit).OfType<UnitInfo>().ToList();
        var inFile = codes.ToHashSet(StringComparer.Ordinal);
        // The score on a date depends only on the figures in effect then: those, then the file's in file order (a same-day row replaces).
        var figures = new List<Figure>();
        var indicators = engine.Campaign.Rules.Indicators.Select(x => x.Code).Append(Figure.Dossiers).ToList();
        foreach (var unit in units)
            foreach (var indicator in indicators)
                if (engine.Reported(unit.Code, indicator, asOf) is { } reported) figures.Add(reported);
        figures.AddRange(fileFigures.Where(f => inFile.Contains(f.Unit) && f.AsOf <= asOf));
        var whatIf = new LeaderboardEngine(engine.Campaign, units, asOf);
        whatIf.Load(figures, 0);
        var after = whatIf.Current();
        return [.. units.Select(u => new ImportScoreChange(u.Code, u.Name, now.Find(u.Code)?.Entry.Score, after.Find(u.Code)?.Entry.Score))];
    }
}
