using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Tests.Support;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Tests.Awards;

public sealed class AwardTests
{
    private static AwardProposal Propose(ThiDua.Scoring.Rules.CampaignRules rules, UnitInfo[] units, params ThiDua.Scoring.Figures.Figure[] figures)
    {
        var engine = new LeaderboardEngine(rules, units, F.Day);
        engine.Load(figures, 0);
        return engine.Awards(F.Day);
    }

    [Fact]
    public void Awards_UnregisteredTopUnit_IsPassedOverWithTheReason()
    {
        var units = new[] { TestCampaigns.Unit("a", "An") with { RegisteredOn = null }, TestCampaigns.Unit("b", "Bình"), TestCampaigns.Unit("c", "Cường") };

        var slot = Assert.Single(Propose(TestCampaigns.Simple(), units, F.Rate("a", "x", 9, 10), F.Rate("b", "x", 8, 10), F.Rate("c", "x", 7, 10)).Slots);

        Assert.Equal(("b", 2), (Assert.Single(slot.Proposed).Unit, slot.Proposed[0].Rank));
        var passed = Assert.Single(slot.PassedOver);
        Assert.Equal(("a", 1, 90.00m), (passed.Unit, passed.Rank, passed.Score));
        Assert.Equal(["Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024."], passed.Reasons);
        Assert.False(slot.Tied);
    }

    [Fact]
    public void Awards_UnitsWithoutAnyFigure_AreNeitherProposedNorPassedOver()
    {
        var units = new[] { TestCampaigns.Unit("a", "An") with { RegisteredOn = null }, TestCampaigns.Unit("b", "Bình"), TestCampaigns.Unit("c", "Cường") };

        var silent = Assert.Single(Propose(TestCampaigns.Simple(), units).Slots);
        var oneReports = Assert.Single(Propose(TestCampaigns.Simple(), units, F.Rate("c", "x", 1, 10)).Slots);

        Assert.Empty(silent.Proposed);
        Assert.Empty(silent.PassedOver);
        Assert.Equal("c", Assert.Single(oneReports.Proposed).Unit);
        Assert.Empty(oneReports.PassedOver);
    }

    [Fact]
    public void Awards_RegisteredOnTheDeadline_IsNotEligible()
    {
        var units = new[] { TestCampaigns.Unit("a", registeredOn: TestCampaigns.Deadline), TestCampaigns.Unit("b", registeredOn: TestCampaigns.Deadline.AddDays(-1)) };

        var slot = Propose(TestCampaigns.Simple(), units, F.Rate("a", "x", 9, 10), F.Rate("b", "x", 8, 10)).Slots[0];

        Assert.Equal("b", Assert.Single(slot.Proposed).Unit);
        Assert.Contains("15/04/2024", Assert.Single(Assert.Single(slot.PassedOver).Reasons));
    }

    [Fact]
    public void Awards_TwoUnitsTiedForTheLastSlot_AreBothProposedAndMarkedTied()
    {
        var units = new[] { TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình"), TestCampaigns.Unit("c", "Cường"), TestCampaigns.Unit("d", "Dũng") };

        var slot = Propose(TestCampaigns.Simple(awardSlots: 2), units,
            F.Rate("a", "x", 9, 10), F.Rate("b", "x", 8, 10), F.Rate("c", "x", 8, 10), F.Rate("d", "x", 7, 10)).Slots[0];

        Assert.True(slot.Tied);
        Assert.Equal([("a", 1), ("b", 2), ("c", 2)], slot.Proposed.Select(p => (p.Unit, p.Rank)));
    }

    [Fact]
    public void Awards_FewerEligibleThanSlots_ProposesThemWithoutTie()
    {
        var units = new[] { TestCampaigns.Unit("a") };

        var slot = Propose(TestCampaigns.Simple(awardSlots: 2), units, F.Rate("a", "x", 9, 10)).Slots[0];

        Assert.False(slot.Tied);
        Assert.Single(slot.Proposed);
    }

    [Fact]
    public void Awards_NobodyEligible_ListsEveryUnitAsPassedOver()
    {
        var units = new[] { TestCampaigns.Unit("a") with { RegisteredOn = null }, TestCampaigns.Unit("b") with { RegisteredOn = null } };

        var slot = Propose(TestCampaigns.Simple(), units, F.Rate("a", "x", 9, 10), F.Rate("b", "x", 5, 10)).Slots[0];

        Assert.Empty(slot.Proposed);
        Assert.Equal(["a", "b"], slot.PassedOver.Select(p => p.Unit));
    }

    [Fact]
    public void Awards_BelowNq02Threshold_IsPassedOverWithTheRate()
    {
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 10m, 1m), TestCampaigns.Content("c", 10m, 0.8m, nq02: 0.8m)] };
        var units = new[] { TestCampaigns.Unit("a", "An"), TestCampaigns.Unit("b", "Bình") };

        var slot = Propose(rules, units, F.Rate("a", "x", 10, 10), F.Rate("a", "c", 7, 10), F.Rate("b", "x", 5, 10), F.Rate("b", "c", 8, 10)).Slots[0];

        Assert.Equal("b", Assert.Single(slot.Proposed).Unit);
        Assert.Equal(["Nội dung c chưa đạt tiêu chí Nghị quyết 02: 70,00% (yêu cầu từ 80,00%)."], Assert.Single(slot.PassedOver).Reasons);
    }

    [Fact]
    public void Awards_ShippedCampaign_HasNineRankSlotsAndTheCommitteeSlot()
    {
        var proposal = Propose(TestCampaigns.CanTho(), [new UnitInfo("so-xay-dung", "Sở Xây dựng", "so-nganh")]);

        Assert.Equal(9, proposal.Slots.Where(s => s.Kind == AwardKind.Rank).Sum(s => s.Count));
        var committee = Assert.Single(proposal.Slots, s => s.Kind == AwardKind.Committee);
        Assert.Equal(("so-nganh", null, "tham-muu", 1), (committee.Block, committee.Group, committee.Code, committee.Count));
        Assert.Empty(committee.Proposed);
    }

    [Fact]
    public void Awards_NotGroupedUnit_IsNeverProposed()
    {
        var units = new[] { new UnitInfo("x-a", "Xã A", "xa", RegisteredOn: new DateOnly(2024, 3, 1)) };

        var proposal = Propose(TestCampaigns.CanTho(), units, F.Dossiers("x-a", 2000), F.Rate("x-a", "a", 10, 10));

        Assert.All(proposal.Slots, s => Assert.Empty(s.Proposed));
    }
}
