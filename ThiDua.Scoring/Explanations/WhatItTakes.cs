using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Explanations;

/// <summary>
/// What a unit would need to pass the unit above it and to reach its group's award line, in whole
/// dossiers per content: the smallest k ≥ 1 added to a numerator (denominator unchanged, numerator
/// + k ≤ denominator) that makes its shown score strictly higher than the target's.
/// </summary>
internal static class WhatItTakes
{
    public static UnitReport Report(Campaign campaign, Standings standings, AwardProposal proposal, UnitInfo unit,
        UnitScore score, IReadOnlyList<string> ineligibility)
    {
        if (standings.Find(unit.Code) is not var (board, entry))
            return new UnitReport(unit, standings.AsOf, score, null, null, false, null, null, ineligibility);

        var slot = proposal.Slots.FirstOrDefault(s => s.Kind == AwardKind.Rank && s.Block == board.Key.Block && s.Group == board.Key.Group);
        // Proposed by rank or nominated by the City Office for a committee slot: either way it holds an award.
        var proposed = proposal.Slots.Any(s => s.Proposed.Any(p => p.Unit == unit.Code));

        Target? above = null;
        for (var i = board.Entries.Length - 1; i >= 0; i--)
        {
            var other = board.Entries[i];
            if (other.Score > entry.Score)
            {
                above = NewTarget(campaign, score, other.Unit, other.Name, other.Score);
                break;
            }
        }

        Target? awardLine = null;
        if (!board.Key.IsNotGrouped && !proposed && slot is { Proposed.Count: > 0 })
        {
            var line = slot.Proposed.MinBy(p => p.Score)!;
            awardLine = NewTarget(campaign, score, line.Unit, line.Name, line.Score) with
            {
                Plan = CombinedPlan.For(campaign, score, line.Score),
            };
        }

        return new UnitReport(unit, standings.AsOf, score, board.Key, entry, proposed, above, awardLine, ineligibility);
    }

    private static Target NewTarget(Campaign campaign, UnitScore score, string unit, string name, decimal targetScore) =>
        new(unit, name, targetScore, [.. score.Contents.Where(c => c.State == ContentState.Rate)
            .Select(c => new ContentGap(c.Indicator, SmallestAddition(campaign, score, c, targetScore), c.Points >= c.MaxPoints))]);

    /// <summary>Binary search on k: the score never falls as a numerator rises, so the first k that wins is found in log steps.</summary>
    internal static long? SmallestAddition(Campaign campaign, UnitScore score, ContentScore content, decimal targetScore)
    {
        var indicator = campaign.Indicator(content.Indicator)!;
        long numerator = content.Numerator!.Value, denominator = content.Denominator!.Value;
        var room = denominator - numerator;
        if (room < 1) return null;

        bool Wins(long k)
        {
            var earned = score.Earned - content.Points + ScoreMath.RatePoints(indicator, numerator + k, denominator);
            return ScoreMath.Shown(ScoreMath.Score(earned, score.Available)) > targetScore;
        }

        if (!Wins(room)) return null;
        long low = 1, high = room;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (Wins(mid)) high = mid; else low = mid + 1;
        }
        return low;
    }
}
