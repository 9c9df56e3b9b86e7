using ThiDua.Scoring.Rules;

namespace ThiDua.Scoring.Scoring;

/// <summary>The arithmetic of the campaign, in one place so every caller computes the same.</summary>
public static class ScoreMath
{
    /// <summary>Scores are compared at the precision shown on screen.</summary>
    public static decimal Shown(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The shown value as a whole number of hundredths, for fast exact comparison.</summary>
    public static long Hundredths(decimal value) => (long)Math.Round(value * 100m, MidpointRounding.AwayFromZero);

    // Every score lies in [0, 100], so its shown value is one of 10,001 decimals; dividing by 100
    // once each here (not per board entry) keeps decimal division off the boards' hot paths while
    // giving the very same values, scale included.
    private static readonly decimal[] _shownByHundredths = [.. Enumerable.Range(0, 10_001).Select(h => h / 100m)];

    /// <summary>The shown score of a whole number of hundredths: exactly <c>hundredths / 100m</c>.</summary>
    public static decimal ShownFromHundredths(long hundredths) =>
        (ulong)hundredths < (ulong)_shownByHundredths.Length ? _shownByHundredths[hundredths] : hundredths / 100m;

    /// <summary>100 × earned ÷ available; 0 when nothing is available.</summary>
    public static decimal Score(decimal earned, decimal available) => available == 0m ? 0m : 100m * earned / available;

    /// <summary>maxPoints × min(1, rate ÷ fullCreditAt), where rate = numerator ÷ denominator.</summary>
    public static decimal RatePoints(IndicatorRules indicator, long numerator, long denominator)
    {
        var rate = (decimal)numerator / denominator;
        var ratio = rate / indicator.FullCreditAt;
        return ratio >= 1m ? indicator.MaxPoints : indicator.MaxPoints * ratio;
    }

    /// <summary>
    /// Points and available points of one reported figure (denominator null means no figure).
    /// </summary>
    public static (ContentState State, decimal Points, decimal Available) Evaluate(
        IndicatorRules indicator, bool applies, long? numerator, long? denominator)
    {
        if (!applies) return (ContentState.NotApplicable, 0m, 0m);
        if (numerator is not { } num || denominator is not { } den) return (ContentState.NoData, 0m, indicator.MaxPoints);
        if (den == 0)
            return indicator.WhenNothingArose switch
            {
                NothingArosePolicy.Full => (ContentState.NothingArose, indicator.MaxPoints, indicator.MaxPoints),
                NothingArosePolicy.Zero => (ContentState.NothingArose, 0m, indicator.MaxPoints),
                _ => (ContentState.NothingArose, 0m, 0m),
            };
        return (ContentState.Rate, RatePoints(indicator, num, den), indicator.MaxPoints);
    }
}
