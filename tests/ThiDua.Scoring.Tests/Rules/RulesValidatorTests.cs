using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Tests.Support;

namespace ThiDua.Scoring.Tests.Rules;

public sealed class RulesValidatorTests
{
    [Fact]
    public void ShippedCampaign_Binds_AsThePlanWritesIt()
    {
        var rules = TestCampaigns.CanTho();

        Assert.Equal(new DateOnly(2023, 12, 15), rules.PeriodStart);
        Assert.Equal(new DateOnly(2024, 12, 14), rules.PeriodEnd);
        Assert.Equal(new DateOnly(2024, 4, 15), rules.RegistrationDeadline);
        Assert.Equal("Asia/Ho_Chi_Minh", rules.TimeZone);
        Assert.Equal(["so-nganh", "quan-huyen", "phuong", "xa"], rules.Blocks.Select(b => b.Code));
        Assert.Equal(["a", "b", "c", "d", "dd", "e", "g", "h", "i"], rules.Indicators.Select(i => i.Code));
        // The plan lists the nine contents for every participant: by default each applies to every block.
        Assert.All(rules.Indicators, i => Assert.Equal(["so-nganh", "quan-huyen", "phuong", "xa"], i.AppliesTo));
        Assert.All(rules.Indicators, i => Assert.Null(i.Nq02MinRate));
        Assert.Equal(78m, rules.Indicators.Sum(i => i.MaxPoints));
        Assert.Equal(0.5m, rules.Indicators.Single(i => i.Code == "a").FullCreditAt);
        // Ten collective awards: nine by rank in groups, one committee choice.
        Assert.Equal(9, rules.Groups.Sum(g => g.AwardSlots));
        Assert.Equal(1, rules.Blocks.Sum(b => b.CommitteeSlots.Sum(s => s.Count)));
        var over2000 = rules.Groups.Single(g => g.Block == "xa" && g.Code == "tren-2000");
        Assert.False(over2000.MinInclusive);
        Assert.Equal(2000, over2000.MinDossiers);
    }

    [Fact]
    public void ShippedCampaign_Wording_IsThePlansVerbatim()
    {
        var rules = TestCampaigns.CanTho();

        // Kế hoạch 74/KH-UBND: its title, its name for the department block, section II.1 for the contents.
        Assert.Equal("Thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông, "
            + "thực hiện thủ tục hành chính trên môi trường điện tử năm 2024", rules.Name);
        Assert.Equal("Cơ quan chuyên môn thuộc UBND thành phố và Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ",
            rules.Blocks.Single(b => b.Code == "so-nganh").Name);
        Assert.Equal(
        [
            "Việc cung cấp dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
            "Thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "Cấp kết quả giải quyết thủ tục hành chính điện tử",
            "Khai thác, sử dụng lại thông tin, dữ liệu số hóa",
            "Công bố, công khai thủ tục hành chính đúng hạn",
            "Kết quả xử lý hồ sơ thủ tục hành chính được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia",
            "Xử lý phản ánh, kiến nghị thủ tục hành chính, quy định hành chính",
            "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp",
        ], rules.Indicators.Select(i => i.Name));
        // Groups are by dossiers resolved, and say so.
        Assert.All(rules.Groups.Where(g => g.MinDossiers is not null || g.MaxDossiers is not null),
            g => Assert.Contains("hồ sơ giải quyết", g.Name));
    }

    [Fact]
    public void ShippedCampaign_Validates_WithTheCommuneHoleAtExactly2000AsTheOnlyWarning()
    {
        var result = RulesValidator.Validate(TestCampaigns.CanTho());

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("dossier-hole", warning.Code);
        Assert.Contains("UBND xã, thị trấn", warning.Message);
        Assert.Contains("đúng 2.000 hồ sơ", warning.Message);
        Assert.Equal("ThiDua:Campaign:Groups", warning.Key);
    }

    [Fact]
    public void Validate_GroupOfUnknownBlock_ReportsErrorWithKey()
    {
        var rules = TestCampaigns.Simple() with
        {
            Groups = [.. TestCampaigns.Simple().Groups, new GroupRules { Block = "nowhere", Code = "g", Name = "G" }],
        };

        var error = Assert.Single(RulesValidator.Validate(rules).Errors);

        Assert.Equal("group-block-unknown", error.Code);
        Assert.Equal("ThiDua:Campaign:Groups:1:Block", error.Key);
    }

    [Fact]
    public void Validate_OverlappingGroups_ReportsWhereTheyOverlap()
    {
        var rules = TestCampaigns.Simple() with
        {
            Groups =
            [
                new GroupRules { Block = "k", Code = "low", Name = "Thấp", MaxDossiers = 1000, MaxInclusive = true },
                new GroupRules { Block = "k", Code = "high", Name = "Cao", MinDossiers = 1000, MinInclusive = true },
            ],
        };

        var error = Assert.Single(RulesValidator.Validate(rules).Errors);

        Assert.Equal("group-overlap", error.Code);
        Assert.Equal("ThiDua:Campaign:Groups:1", error.Key);
        Assert.Contains("đúng 1.000 hồ sơ", error.Message);
    }

    [Fact]
    public void Validate_NegativePointsAndThresholdsOutOfRange_ReportsEach()
    {
        var rules = TestCampaigns.Simple() with
        {
            Indicators =
            [
                TestCampaigns.Content("x", -1m, 1m),
                TestCampaigns.Content("y", 10m, 0m),
                TestCampaigns.Content("z", 10m, 1.5m),
                TestCampaigns.Content("w", 10m, 1m, nq02: 0m),
            ],
        };

        var errors = RulesValidator.Validate(rules).Errors;

        Assert.Equal(
            [
                ("points-negative", "ThiDua:Campaign:Indicators:0:MaxPoints"),
                ("threshold-range", "ThiDua:Campaign:Indicators:1:FullCreditAt"),
                ("threshold-range", "ThiDua:Campaign:Indicators:2:FullCreditAt"),
                ("threshold-range", "ThiDua:Campaign:Indicators:3:Nq02MinRate"),
            ],
            errors.Select(e => (e.Code, e.Key)));
    }

    [Fact]
    public void Validate_ThresholdOfExactlyOne_IsAccepted()
    {
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 10m, 1m, nq02: 1m)] };

        Assert.Empty(RulesValidator.Validate(rules).Errors);
    }

    [Fact]
    public void Validate_ContentThatAppliesToNoBlock_ReportsError()
    {
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 10m, 1m) with { AppliesTo = [] }] };

        var error = Assert.Single(RulesValidator.Validate(rules).Errors);

        Assert.Equal(("applies-to-none", "ThiDua:Campaign:Indicators:0:AppliesTo"), (error.Code, error.Key));
    }

    [Fact]
    public void Validate_DatesOutOfOrder_ReportsBoth()
    {
        var rules = TestCampaigns.Simple() with
        {
            PeriodStart = new DateOnly(2024, 12, 31),
            PeriodEnd = new DateOnly(2024, 1, 1),
            RegistrationDeadline = new DateOnly(2025, 1, 1),
        };

        var errors = RulesValidator.Validate(rules).Errors;

        Assert.Contains(errors, e => e.Code == "dates-out-of-order" && e.Key == "ThiDua:Campaign:PeriodEnd");
        Assert.Contains(errors, e => e.Code == "dates-out-of-order" && e.Key == "ThiDua:Campaign:RegistrationDeadline");
    }

    [Fact]
    public void Validate_DossierDeadlineNotAfterPeriodEnd_WarnsWithBothDates()
    {
        var rules = TestCampaigns.Simple() with { PeriodEnd = new DateOnly(2024, 12, 14), DossierDeadline = new DateOnly(2024, 12, 14) };

        var result = RulesValidator.Validate(rules);

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings, w => w.Code == "dossier-deadline-early");
        Assert.Equal("ThiDua:Campaign:DossierDeadline", warning.Key);
        Assert.Equal("Hạn nộp hồ sơ khen thưởng (14/12/2024) không đứng sau ngày kết thúc đợt thi đua (14/12/2024): hồ sơ phải nộp khi chưa có kết quả cả đợt.", warning.Message);
        Assert.DoesNotContain(RulesValidator.Validate(rules with { DossierDeadline = new DateOnly(2025, 1, 15) }).Warnings, w => w.Code == "dossier-deadline-early");
    }

    [Fact]
    public void Validate_BlankNames_ReportsEachWithItsKey()
    {
        var rules = TestCampaigns.Simple() with
        {
            Blocks = [new BlockRules { Code = "k", Name = " ", CommitteeSlots = [new CommitteeSlotRules { Code = "s", Name = "" }] }],
            Groups = [new GroupRules { Block = "k", Code = "all", Name = "", AwardSlots = 1 }],
            Indicators = [TestCampaigns.Content("x", 100m, 1m) with { Name = "" }],
        };

        var errors = RulesValidator.Validate(rules).Errors;

        Assert.Equal(
        [
            ("name-missing", "ThiDua:Campaign:Blocks:0:Name", "Khối “k” chưa có tên."),
            ("name-missing", "ThiDua:Campaign:Blocks:0:CommitteeSlots:0:Name", "Suất khen “s” của khối “k” chưa có tên."),
            ("name-missing", "ThiDua:Campaign:Groups:0:Name", "Nhóm “all” của khối “k” chưa có tên."),
            ("name-missing", "ThiDua:Campaign:Indicators:0:Name", "Nội dung “x” chưa có tên."),
        ], errors.Select(e => (e.Code, e.Key, e.Message)));
    }

    [Fact]
    public void Validate_ManyProblems_ReturnsEveryOneInOneCall()
    {
        var rules = TestCampaigns.Simple() with
        {
            PeriodEnd = new DateOnly(2023, 1, 1),
            Groups = [new GroupRules { Block = "nowhere", Code = "g", Name = "G" }],
            Indicators = [TestCampaigns.Content("x", -5m, 2m) with { AppliesTo = [] }],
            TieBreakers = ["q"],
        };

        var codes = RulesValidator.Validate(rules).Errors.Select(e => e.Code).ToHashSet();

        Assert.Equal(
            new HashSet<string> { "dates-out-of-order", "group-block-unknown", "points-negative", "threshold-range", "applies-to-none", "tie-breaker-unknown" },
            codes);
    }

    [Fact]
    public void Validate_HoleBetweenGroups_WarnsWithBlockAndRange()
    {
        var rules = TestCampaigns.Simple() with
        {
            Groups =
            [
                new GroupRules { Block = "k", Code = "low", Name = "Thấp", MaxDossiers = 100, MaxInclusive = false },
                new GroupRules { Block = "k", Code = "high", Name = "Cao", MinDossiers = 150, MinInclusive = true },
            ],
        };

        var result = RulesValidator.Validate(rules);

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("từ 100 đến 149 hồ sơ", warning.Message);
        Assert.Contains("Khối thử", warning.Message);
    }

    [Fact]
    public void Campaign_InvalidRules_RefusesToBuildWithTheKeys()
    {
        var rules = TestCampaigns.Simple() with { Indicators = [TestCampaigns.Content("x", 10m, 3m)] };

        var error = Assert.Throws<ArgumentException>(() => new Campaign(rules));

        Assert.Contains("ThiDua:Campaign:Indicators:0:FullCreditAt", error.Message);
    }
}
