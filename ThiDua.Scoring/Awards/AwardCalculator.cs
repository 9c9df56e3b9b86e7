using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;

namespace ThiDua.Scoring.Awards;

/// <summary>
/// Proposes the units for every award slot: the top N of each group among eligible units, the
/// whole tie when the last slot is shared, and the reasons every higher-ranked unit was passed over;
/// a committee slot holds the City Office's nominees while its conditions allow it to be awarded.
/// </summary>
internal static class AwardCalculator
{
    /// <summary>The plan's standard (a): a unit assessed as not meeting it cannot be proposed.</summary>
    public const string Nq02NotMet = "Không đạt tiêu chí Nghị quyết 02/NQ-CP";

    public static AwardProposal Propose(Campaign campaign, Standings standings, Func<string, UnitTrack?> trackOf, AwardDecisions decisions)
    {
        var slots = new List<AwardSlot>();
        foreach (var block in campaign.Blocks)
        {
            foreach (var definition in campaign.Boards.Where(b => b.Group is { AwardSlots: > 0 } && campaign.Blocks[b.Block] == block))
            {
                var board = standings.Board(definition.Key)!;
                slots.Add(RankSlot(campaign, board, definition.Group!.AwardSlots, standings.AsOf, trackOf));
            }
            foreach (var slot in block.CommitteeSlots)
                slots.Add(CommitteeSlot(campaign, standings, block, slot, trackOf, decisions));
        }
        return new AwardProposal(standings.AsOf, standings.Version, slots);
    }

    private static AwardSlot RankSlot(Campaign campaign, Board board, int count, DateOnly asOf, Func<string, UnitTrack?> trackOf)
    {
        var proposed = new List<ProposedUnit>();
        var passedOver = new List<PassedOverUnit>();
        var lastRank = int.MaxValue;
        foreach (var entry in board.Entries)
        {
            // Past the last slot (and its tie), nobody else is proposed or needs explaining.
            if (proposed.Count >= count && entry.Rank > lastRank) break;
            var track = trackOf(entry.Unit)!;
            // A unit that has reported nothing has no place to be proposed from, nor to be passed over
            // from: its 0,00 beside others at 0,00 is no "Hạng 1" (issue 14, "no data, no first place").
            if (!track.HasReportedBy(asOf)) continue;
            var reasons = Ineligibility(campaign, track, asOf);
            if (reasons.Count > 0)
            {
                passedOver.Add(new PassedOverUnit(entry.Unit, entry.Name, entry.Rank, entry.Score, reasons));
                continue;
            }
            proposed.Add(new ProposedUnit(entry.Unit, entry.Name, entry.Rank, entry.Score, track.Info.Nq02 is not null));
            if (proposed.Count == count) lastRank = entry.Rank;
        }
        // Only units ranked strictly above the last proposed one were passed over; when nobody is
        // eligible, every unit of the group was.
        if (proposed.Count > 0)
        {
            var last = proposed[^1].Rank;
            passedOver.RemoveAll(p => p.Rank >= last);
        }
        var definition = board.Key;
        return new AwardSlot(definition.Block, definition.Group, null, board.GroupName ?? board.BlockName, AwardKind.Rank, count,
            Tied: proposed.Count > count, proposed, passedOver);
    }

    /// <summary>
    /// The nominees of a committee slot: proposed while they are eligible and the slot's condition
    /// on the city's 766 classification is not known to fail; otherwise shown as passed over, with why.
    /// </summary>
    private static AwardSlot CommitteeSlot(Campaign campaign, Standings standings, BlockRules block, CommitteeSlotRules rules,
        Func<string, UnitTrack?> trackOf, AwardDecisions decisions)
    {
        var condition = CityRatingCondition.Of(rules, decisions.CityRating);
        var proposed = new List<ProposedUnit>();
        var passedOver = new List<PassedOverUnit>();
        foreach (var nomination in decisions.Nominations.Where(n => n.Block == block.Code && n.Slot == rules.Code))
        {
            var track = trackOf(nomination.Unit);
            if (track is null) continue;
            var (rank, score) = standings.Find(nomination.Unit) is var (_, entry) ? (entry.Rank, entry.Score) : (0, 0m);
            var reasons = new List<string>(Ineligibility(campaign, track, standings.AsOf));
            if (condition is { Met: false }) reasons.Add(condition.Text);
            if (reasons.Count > 0)
                passedOver.Add(new PassedOverUnit(nomination.Unit, track.Info.Name, rank, score, reasons));
            else
                proposed.Add(new ProposedUnit(nomination.Unit, track.Info.Name, rank, score, track.Info.Nq02 is not null));
        }
        return new AwardSlot(block.Code, null, rules.Code, rules.Name, AwardKind.Committee, rules.Count, false, proposed, passedOver, condition);
    }

    /// <summary>Why a unit may not be proposed, as Vietnamese sentences; empty when it is eligible.</summary>
    public static IReadOnlyList<string> Ineligibility(Campaign campaign, UnitTrack track, DateOnly asOf)
    {
        var reasons = new List<string>();
        var deadline = campaign.Rules.RegistrationDeadline;
        if (track.Info.RegisteredOn is not { } registered)
            reasons.Add($"Chưa ghi nhận đăng ký thi đua trước ngày {Vi.Date(deadline)}.");
        else if (registered >= deadline)
            reasons.Add($"Đăng ký thi đua ngày {Vi.Date(registered)}, không trước ngày {Vi.Date(deadline)}.");

        if (track.Info.Nq02 == Nq02Assessment.NotMet)
            reasons.Add(string.IsNullOrWhiteSpace(track.Info.Nq02Note) ? $"{Nq02NotMet}." : $"{Nq02NotMet}: {track.Info.Nq02Note.Trim()}");

        if (!campaign.Indicators.Any(i => i.Nq02MinRate is not null)) return reasons;
        var score = track.ScoreAt(campaign, asOf);
        foreach (var content in score.Contents)
        {
            var min = campaign.Indicator(content.Indicator)!.Nq02MinRate;
            if (min is not { } threshold) continue;
            if (content.State == ContentState.NoData)
                reasons.Add($"Nội dung {Vi.ContentLetter(content.Indicator)} chưa có số liệu để đánh giá tiêu chí Nghị quyết 02 (yêu cầu từ {Vi.Percent(threshold)}).");
            else if (content.State == ContentState.Rate && content.Rate < threshold)
                reasons.Add($"Nội dung {Vi.ContentLetter(content.Indicator)} chưa đạt tiêu chí Nghị quyết 02: {Vi.Percent(content.Rate!.Value)} (yêu cầu từ {Vi.Percent(threshold)}).");
        }
        return reasons;
    }
}
