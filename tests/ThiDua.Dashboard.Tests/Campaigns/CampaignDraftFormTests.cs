using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Tests.Campaigns;

public sealed class CampaignDraftFormTests
{
    private static CampaignDefinition Shipped => CampaignFileReader.Read(File.ReadAllText(CanTho2024.ShippedFilePath)).Definition!;

    private static CampaignDraftForm Form() => CampaignDraftForm.FromRules(GeneralityCampaign.Load().Rules);

    private static void AssertOnlyError(CampaignDraftForm form, string field, string message)
    {
        var error = Assert.Single(form.Validate().Errors);
        Assert.Equal(new CampaignDraftMessage(field, message), error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FromRulesToRules_Unedited_GivesTheSameRules(bool shipped)
    {
        var definition = shipped ? Shipped : GeneralityCampaign.Load();

        var rules = CampaignDraftForm.FromRules(definition.Rules).ToRules();

        Assert.Equal(CampaignFileWriter.WriteString(definition), CampaignFileWriter.WriteString(definition with { Rules = rules }));
    }

    [Fact]
    public void Copy_NewCodePeriodAndContentEdits_ReachTheRulesAndKeepWhatTheFormDoesNotShow()
    {
        var form = CampaignDraftForm.FromRules(Shipped.Rules);
        form.Code = "can-tho-2025";
        form.PeriodStart = new DateOnly(2024, 12, 15);
        form.PeriodEnd = new DateOnly(2025, 12, 14);
        form.RegistrationDeadline = new DateOnly(2025, 4, 15);
        form.DossierDeadline = new DateOnly(2026, 1, 15);
        form.Groups[6].MinInclusive = true;
        form.Indicators[1].FullCreditPercent = 90m;
        form.Indicators[1].WhenNothingArose = NothingArosePolicy.Full;
        form.Indicators[1].AppliesTo.Remove("so-nganh");
        form.Blocks[0].CommitteeSlots[0].Count = 2;

        var validation = form.Validate();
        var rules = form.ToRules();

        // Closing the 2,000 hole was the only warning of the 2024 rules.
        Assert.True(validation.IsValid);
        Assert.Empty(validation.Warnings);
        Assert.Equal(("can-tho-2025", new DateOnly(2025, 12, 14), new DateOnly(2026, 1, 15)), (rules.Code, rules.PeriodEnd, rules.DossierDeadline));
        Assert.Equal((0.9m, NothingArosePolicy.Full), (rules.Indicators[1].FullCreditAt, rules.Indicators[1].WhenNothingArose));
        Assert.Equal(["quan-huyen", "phuong", "xa"], rules.Indicators[1].AppliesTo);
        Assert.Equal(2, rules.Blocks[0].CommitteeSlots[0].Count);
        Assert.Equal((Shipped.Rules.TimeZone, Shipped.Rules.ComparisonDays), (rules.TimeZone, rules.ComparisonDays));
    }

    [Fact]
    public void Validate_TieBreakersAndNq02_AreCarriedOver()
    {
        var rules = Form().ToRules();

        Assert.Equal(["dung-han", "hai-long"], rules.TieBreakers);
        Assert.Equal(0.8m, rules.Indicators.Single(i => i.Code == "hai-long").Nq02MinRate);
    }

    [Fact]
    public void Validate_NoCode_IsAnErrorOnCode()
    {
        var form = Form();
        form.Code = " ";

        AssertOnlyError(form, "Code", "Chưa đặt mã đợt thi đua, ví dụ “can-tho-2025”.");
    }

    [Fact]
    public void Validate_CodeWithAccents_IsAnErrorOnCode()
    {
        var form = Form();
        form.Code = "cần-thơ-2025";

        AssertOnlyError(form, "Code", "Mã đợt thi đua “cần-thơ-2025” không hợp lệ: mã chỉ gồm chữ thường không dấu (a–z), chữ số và dấu nối (-, _ hoặc .), bắt đầu và kết thúc bằng chữ hoặc số.");
    }

    [Fact]
    public void Validate_EndBeforeStart_IsTheValidatorsMessageOnPeriodEnd()
    {
        var form = Form();
        form.PeriodEnd = new DateOnly(2025, 12, 31);

        var errors = form.Validate().Errors;

        Assert.Contains(new CampaignDraftMessage("PeriodEnd", "Ngày kết thúc (31/12/2025) đứng trước ngày bắt đầu (01/01/2026)."), errors);
        Assert.Equal(["Ngày kết thúc (31/12/2025) đứng trước ngày bắt đầu (01/01/2026)."], form.Validate().ErrorsFor("PeriodEnd"));
    }

    [Fact]
    public void Validate_EmptyDate_IsMissing()
    {
        var form = Form();
        form.RegistrationDeadline = null;

        AssertOnlyError(form, "RegistrationDeadline", "Chưa đặt hạn đăng ký thi đua.");
    }

    [Fact]
    public void Validate_NoMaximum_SaysSo()
    {
        var form = Form();
        form.Indicators[2].MaxPoints = null;

        AssertOnlyError(form, "Indicators[2].MaxPoints", "Chưa nhập điểm tối đa của nội dung “so-hoa”.");
    }

    [Fact]
    public void Validate_NegativeMaximum_IsTheValidatorsMessage()
    {
        var form = Form();
        form.Indicators[2].MaxPoints = -1m;

        AssertOnlyError(form, "Indicators[2].MaxPoints", "Điểm tối đa của nội dung “so-hoa” không được âm.");
    }

    [Fact]
    public void Validate_NoRate_SaysSo()
    {
        var form = Form();
        form.Indicators[0].FullCreditPercent = null;

        AssertOnlyError(form, "Indicators[0].FullCreditPercent", "Chưa nhập tỷ lệ đạt điểm tối đa của nội dung “dung-han”.");
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(120, "120")]
    [InlineData(100.5, "100,5")]
    public void Validate_RateOutsidePercentRange_SaysItInPercent(decimal percent, string shown)
    {
        var form = Form();
        form.Indicators[0].FullCreditPercent = percent;

        AssertOnlyError(form, "Indicators[0].FullCreditPercent",
            $"Tỷ lệ đạt điểm tối đa của nội dung “dung-han” phải lớn hơn 0% và không quá 100% (đang là {shown}%).");
    }

    [Fact]
    public void Validate_AppliesToNoBlock_IsAnErrorOnAppliesTo()
    {
        var form = Form();
        form.Indicators[4].AppliesTo.Clear();

        AssertOnlyError(form, "Indicators[4].AppliesTo", "Nội dung “phan-anh” không áp dụng cho khối nào.");
    }

    [Fact]
    public void Validate_BlankContentName_IsAnErrorOnName()
    {
        var form = Form();
        form.Indicators[0].Name = "";

        AssertOnlyError(form, "Indicators[0].Name", "Nội dung “dung-han” chưa có tên.");
    }

    [Fact]
    public void Validate_OverlappingGroups_IsAnErrorOnTheHigherGroup()
    {
        var form = Form();
        form.Groups[2].MaxDossiers = 5001;

        AssertOnlyError(form, "Groups[1]", "Nhóm “duoi-5000” và nhóm “tu-5000” của khối “UBND phường” chồng lên nhau ở đúng 5.000 hồ sơ.");
    }

    [Fact]
    public void Validate_HoleBetweenBounds_IsAWarningOnTheGroups()
    {
        var form = Form();
        form.Groups[3].MinInclusive = false;

        var validation = form.Validate();

        Assert.True(validation.IsValid);
        Assert.Equal(new CampaignDraftMessage("Groups", "Khối “UBND xã”: đơn vị có đúng 2.000 hồ sơ không thuộc nhóm nào (chỗ hở xa: 2000)."), Assert.Single(validation.Warnings));
    }

    [Fact]
    public void Validate_NegativeAwardSlots_IsAnErrorOnTheGroup()
    {
        var form = Form();
        form.Groups[0].AwardSlots = -1;

        AssertOnlyError(form, "Groups[0].AwardSlots", "Số suất khen của nhóm “toan-khoi” không được âm.");
    }

    [Fact]
    public void Validate_CommitteeSlotOfZero_IsAnErrorOnItsCount()
    {
        var form = Form();
        form.Blocks[2].CommitteeSlots[0].Count = 0;

        AssertOnlyError(form, "Blocks[2].CommitteeSlots[0].Count", "Số suất khen “sang-kien” phải từ 1 trở lên.");
    }

    [Fact]
    public void Validate_BlankSlotName_IsAnErrorOnItsName()
    {
        var form = Form();
        form.Blocks[2].CommitteeSlots[0].Name = " ";

        AssertOnlyError(form, "Blocks[2].CommitteeSlots[0].Name", "Suất khen “sang-kien” của khối “xa” chưa có tên.");
    }

    [Fact]
    public void Validate_NewGroupWithoutName_IsAnErrorOnItsName()
    {
        var form = Form();
        form.Groups.Add(new GroupForm { Block = "so-ban-nganh", Code = "khac", MinDossiers = 0, MaxDossiers = 0, MaxInclusive = false });

        var errors = form.Validate().Errors;

        Assert.Contains(new CampaignDraftMessage("Groups[5].Name", "Nhóm “khac” của khối “so-ban-nganh” chưa có tên."), errors);
        Assert.Contains(errors, e => e.Field == "Groups[5].MaxDossiers" && e.Message.Contains("không chứa giá trị nào", StringComparison.Ordinal));
    }
}
