using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Live;

/// <summary>Everything the engine keeps about one unit: who it is and every figure it reported.</summary>
internal sealed class UnitTrack(UnitInfo info, int block, int indicatorCount)
{
    public UnitInfo Info { get; set; } = info;
    public int Block { get; } = block;

    /// <summary>Position of the unit in Vietnamese name order, the last key of every board.</summary>
    public int NameOrder { get; set; }

    public History?[] Contents { get; } = new History?[indicatorCount];
    public History? Dossiers { get; private set; }

    /// <summary>Whether the unit had reported any figure (a content or its dossiers) by <paramref name="asOf"/>.</summary>
    public bool HasReportedBy(DateOnly asOf) =>
        (Dossiers is { Count: > 0 } dossiers && dossiers[0].AsOf <= asOf) || Contents.Any(h => h is { Count: > 0 } && h[0].AsOf <= asOf);

    // Derived from the figures; dropped whenever one is recorded and rebuilt on the next use.
    private ScoreTimeline? _timeline;

    /// <summary>The unit's evaluated standings by date (see <see cref="ScoreTimeline"/>).</summary>
    public ScoreTimeline Timeline(Campaign campaign) => _timeline ??= ScoreTimeline.Build(campaign, this);

    public void Record(Campaign campaign, in Figure figure)
    {
        _timeline = null;
        if (figure.IsDossiers)
        {
            (Dossiers ??= new History()).Record(new HistoryPoint(figure.AsOf, figure.Numerator, null, ContentState.Rate, 0m, 0m));
            return;
        }
        var i = campaign.IndicatorIndexOf(figure.Indicator);
        var (state, points, available) = ScoreMath.Evaluate(campaign.Indicators[i], campaign.Applies[i, Block], figure.Numerator, figure.Denominator);
        (Contents[i] ??= new History()).Record(new HistoryPoint(figure.AsOf, figure.Numerator, figure.Denominator, state, points, available));
    }

    /// <summary>Dossier count as of a date, or -1 when none was reported by then.</summary>
    public long DossiersAt(DateOnly date)
    {
        if (Dossiers is null) return -1;
        var index = Dossiers.IndexAtOrBefore(date);
        return index < 0 ? -1 : Dossiers[index].Numerator;
    }

    /// <summary>
    /// The shown score in hundredths, the dossier count (-1 when none) and the tie-break keys as
    /// of a date, straight from the histories.
    /// </summary>
    public long EvaluateAt(Campaign campaign, DateOnly date, out long dossiers, Span<long> tieKeys)
    {
        dossiers = DossiersAt(date);
        decimal earned = 0m, available = 0m;
        var applies = campaign.Applies;
        var indicators = campaign.Indicators;
        for (var i = 0; i < indicators.Length; i++)
        {
            if (!applies[i, Block]) continue;
            var history = Contents[i];
            var index = history?.IndexAtOrBefore(date) ?? -1;
            if (index < 0)
            {
                available += indicators[i].MaxPoints;
                continue;
            }
            ref readonly var point = ref history![index];
            earned += point.Points;
            available += point.Available;
        }

        var tieBreakers = campaign.TieBreakers;
        for (var t = 0; t < tieBreakers.Length; t++)
        {
            var history = Contents[tieBreakers[t]];
            var index = history?.IndexAtOrBefore(date) ?? -1;
            tieKeys[t] = index < 0 ? 0 : ScoreMath.Hundredths(history![index].Points);
        }
        return ScoreMath.Hundredths(ScoreMath.Score(earned, available));
    }

    /// <summary>The full breakdown as of a date (allocates: for reports, not for the hot path).</summary>
    public UnitScore ScoreAt(Campaign campaign, DateOnly date)
    {
        var contents = new ContentScore[campaign.Indicators.Length];
        decimal earned = 0m, available = 0m;
        DateOnly? lastReport = null;
        for (var i = 0; i < contents.Length; i++)
        {
            var indicator = campaign.Indicators[i];
            var history = Contents[i];
            var index = history?.IndexAtOrBefore(date) ?? -1;
            if (!campaign.Applies[i, Block])
            {
                contents[i] = new ContentScore(indicator.Code, ContentState.NotApplicable,
                    index >= 0 ? history![index].Numerator : null, index >= 0 ? history![index].Denominator : null,
                    null, 0m, indicator.MaxPoints, 0m, index >= 0 ? history![index].AsOf : null);
                continue;
            }
            if (index < 0)
            {
                contents[i] = new ContentScore(indicator.Code, ContentState.NoData, null, null, null, 0m, indicator.MaxPoints, indicator.MaxPoints, null);
                available += indicator.MaxPoints;
                continue;
            }
            ref readonly var point = ref history![index];
            decimal? rate = point.State == ContentState.Rate ? (decimal)point.Numerator / point.Denominator!.Value : null;
            contents[i] = new ContentScore(indicator.Code, point.State, point.Numerator, point.Denominator, rate, point.Points, indicator.MaxPoints, point.Available, point.AsOf);
            earned += point.Points;
            available += point.Available;
            if (lastReport is null || point.AsOf > lastReport) lastReport = point.AsOf;
        }
        var dossierIndex = Dossiers?.IndexAtOrBefore(date) ?? -1;
        long? dossiers = null;
        if (dossierIndex >= 0)
        {
            dossiers = Dossiers![dossierIndex].Numerator;
            var dossierDate = Dossiers[dossierIndex].AsOf;
            if (lastReport is null || dossierDate > lastReport) lastReport = dossierDate;
        }
        return new UnitScore(Info.Code, earned, available, ScoreMath.Score(earned, available), contents, dossiers, lastReport);
    }
}
