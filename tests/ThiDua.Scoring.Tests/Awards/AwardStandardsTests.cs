using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Tests.Support;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Tests.Awards;

/// <summary>The plan's standard (a), Nghị quyết 02/NQ-CP, and the tham mưu slot's condition on the city's 766 classification.</summary>
public sealed class AwardStandardsTests
{
    /// <summary>The simple campaign plus a committee slot "tm" that needs the city rated "tốt" or better.</summary>
    private static CampaignRules WithCommitteeSlot() => TestCampaigns.Simple() with
    {
        Blocks = [new BlockRules { Code = "k", Name = "Khối thử", CommitteeSlots = [new CommitteeSlotRules { Code = "tm", Name = "Tham mưu", MinCityRating = CityRating.Tot }] }],
    };

    private static LeaderboardEngine Engine(CampaignRules rules, params UnitInfo[] units)
    {
        var engine = new LeaderboardEngine(rules, units, F.Day);
        engine.Load(units.Select((u, i) => F.Rate(u.Code, "x", 9 - i, 10)), 0);
        return engine;
    }

    private static AwardSlot Committee(AwardProposal proposal) => Assert.Single(proposal.Slots, s => s.Kind == AwardKind.Committee);

    [Fact]
    public void Awards_TopUnitAssessedNotMet_IsPassedOverWithTheReasonAndTheNote()
    {
        var engine = Engine(TestCampaigns.Simple(),
            TestCampaigns.Unit("a", "An") with { Nq02 = Nq02Assessment.NotMet, Nq02Note = "Chưa đạt chỉ tiêu thanh toán trực tuyến" },
            TestCampaigns.Unit("b", "Bình") with { Nq02 = Nq02Assessment.Met });

        var slot = engine.Awards(F.Day).Slots[0];

        Assert.Equal("b", Assert.Single(slot.Proposed).Unit);
        Assert.Equal(["Không đạt tiêu chí Nghị quyết 02/NQ-CP: Chưa đạt chỉ tiêu thanh toán trực tuyến"], Assert.Single(slot.PassedOver).Reasons);
        Assert.Equal(["Không đạt tiêu chí Nghị quyết 02/NQ-CP: Chưa đạt chỉ tiêu thanh toán trực tuyến"], engine.Report("a", F.Day)!.AwardIneligibility);
    }

    [Fact]
    public void Awards_NotMetWithoutNote_GivesTheBareReason()
    {
        var engine = Engine(TestCampaigns.Simple(), TestCampaigns.Unit("a") with { Nq02 = Nq02Assessment.NotMet });

        Assert.Equal(["Không đạt tiêu chí Nghị quyết 02/NQ-CP."], Assert.Single(engine.Awards(F.Day).Slots[0].PassedOver).Reasons);
    }

    [Fact]
    public void Awards_ProposedUnitNotYetAssessed_StaysProposedAndIsFlagged()
    {
        var engine = Engine(TestCampaigns.Simple(awardSlots: 2), TestCampaigns.Unit("a"), TestCampaigns.Unit("b") with { Nq02 = Nq02Assessment.Met });

        var slot = engine.Awards(F.Day).Slots[0];

        Assert.Equal([("a", false), ("b", true)], slot.Proposed.Select(p => (p.Unit, p.StandardAssessed)));
        Assert.Empty(slot.PassedOver);
    }

    [Fact]
    public void Awards_CommitteeNominee_HoldsTheSlotAndIsProposedInItsReport()
    {
        var engine = Engine(WithCommitteeSlot(), TestCampaigns.Unit("a"), TestCampaigns.Unit("b"), TestCampaigns.Unit("c"));
        engine.SetDecisions(new AwardDecisions([new CommitteeNomination("k", "tm", "c")], CityRating.Tot));

        var slot = Committee(engine.Awards(F.Day));
        var report = engine.Report("c", F.Day)!;

        Assert.Equal(("c", 3, false), (Assert.Single(slot.Proposed).Unit, slot.Proposed[0].Rank, slot.Proposed[0].StandardAssessed));
        Assert.True(slot.Condition!.Met);
        Assert.True(report.Proposed);
        Assert.Null(report.ToReachAwardLine);
    }

    [Theory]
    [InlineData(CityRating.Kha)]
    [InlineData(CityRating.TrungBinh)]
    [InlineData(CityRating.Yeu)]
    public void Awards_CityRatedBelowTot_CommitteeNomineeIsShownAsNotMeetingTheCondition(CityRating rating)
    {
        var engine = Engine(WithCommitteeSlot(), TestCampaigns.Unit("a"), TestCampaigns.Unit("c"));
        engine.SetDecisions(new AwardDecisions([new CommitteeNomination("k", "tm", "c")], rating));

        var slot = Committee(engine.Awards(F.Day));

        Assert.Empty(slot.Proposed);
        Assert.False(slot.Condition!.Met);
        Assert.Contains("chưa thể trao", Assert.Single(Assert.Single(slot.PassedOver).Reasons));
        Assert.False(engine.Report("c", F.Day)!.Proposed);
    }

    [Theory]
    [InlineData(CityRating.XuatSac)]
    [InlineData(CityRating.Tot)]
    public void Awards_CityRatedTotOrBetter_ConditionIsMet(CityRating rating)
    {
        var engine = Engine(WithCommitteeSlot(), TestCampaigns.Unit("a"));
        engine.SetDecisions(new AwardDecisions([], rating));

        Assert.True(Committee(engine.Awards(F.Day)).Condition!.Met);
    }

    [Fact]
    public void Awards_CityRatingNotRecorded_NomineeStaysProposedAndTheConditionSaysSo()
    {
        var engine = Engine(WithCommitteeSlot(), TestCampaigns.Unit("a"));
        engine.SetDecisions(new AwardDecisions([new CommitteeNomination("k", "tm", "a")], null));

        var slot = Committee(engine.Awards(F.Day));

        Assert.Equal("a", Assert.Single(slot.Proposed).Unit);
        Assert.Null(slot.Condition!.Met);
        Assert.StartsWith("Chưa ghi nhận xếp loại Bộ chỉ số 766", slot.Condition.Text);
    }

    [Fact]
    public void Awards_CommitteeNomineeLaterAssessedNotMet_IsPassedOver()
    {
        var engine = Engine(WithCommitteeSlot(), TestCampaigns.Unit("a") with { Nq02 = Nq02Assessment.NotMet });
        engine.SetDecisions(new AwardDecisions([new CommitteeNomination("k", "tm", "a")], CityRating.Tot));

        var slot = Committee(engine.Awards(F.Day));

        Assert.Empty(slot.Proposed);
        Assert.Equal(["Không đạt tiêu chí Nghị quyết 02/NQ-CP."], Assert.Single(slot.PassedOver).Reasons);
    }

    [Fact]
    public void Awards_ShippedCampaign_ThamMuuSlotNeedsTheCityRatedTot()
    {
        var slot = Assert.Single(TestCampaigns.CanTho().Blocks.SelectMany(b => b.CommitteeSlots));

        Assert.Equal(CityRating.Tot, slot.MinCityRating);
    }
}
