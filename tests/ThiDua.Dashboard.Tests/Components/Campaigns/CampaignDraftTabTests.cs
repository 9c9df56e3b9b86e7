using Bunit;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Tests.Components.Campaigns;

/// <summary>A draft on the campaigns tab: its rules on the form, its unit list from a file, and the steps from draft to closed.</summary>
public sealed class CampaignDraftTabTests : CampaignTabContext
{
    private const string Draft = "can-tho-2025";
    private const string UnitHeader = "ma_don_vi,ten_don_vi,khoi,quan_huyen,hieu_luc_tu,hieu_luc_den,tien_than\r\n";

    [Fact]
    public async Task DraftEditor_PeriodAndAContentMaximum_AreSavedToTheRules()
    {
        await CopyDraftAsync(Draft);
        var page = await ShowTabAsync();
        await EditAsync(page, Draft);

        await PickDateAsync(page, "draft-period-end", new DateOnly(2025, 11, 30));
        await TypeNumberAsync(page, "draft-indicator-max", 0, 15m);
        await page.Find("[data-testid=campaign-draft-save]").ClickAsync(new());

        var rules = Catalog.Find(Draft)!.Rules;
        Assert.Equal(new DateOnly(2025, 11, 30), rules.PeriodEnd);
        Assert.Equal(15m, rules.Indicators[0].MaxPoints);
        Assert.Equal(Draft, rules.Code);
        Assert.Contains("Đã lưu quy định của bản nháp “can-tho-2025”", Notice(page));
        Assert.Single(await AuditAsync(AuditKinds.CampaignRules));
    }

    [Fact]
    public async Task DraftEditor_ABadField_ShowsItsVietnameseMessageUnderItAndSavesNothing()
    {
        var before = await CopyDraftAsync(Draft);
        var page = await ShowTabAsync();
        await EditAsync(page, Draft);

        await TypeNumberAsync(page, "draft-indicator-rate", 1, 150m);
        await PickDateAsync(page, "draft-period-end", new DateOnly(2025, 10, 31));
        await page.Find("[data-testid=campaign-draft-save]").ClickAsync(new());

        var field = Field<MudBlazor.MudNumericField<decimal?>>(page, "draft-indicator-rate", 1);
        Assert.Contains("mud-input-error", field.Markup);
        Assert.Contains("Tỷ lệ đạt điểm tối đa của nội dung “b” phải lớn hơn 0% và không quá 100% (đang là 150%).", field.Markup);
        Assert.Contains("Chưa lưu quy định", Notice(page));
        var after = Catalog.Find(Draft)!;
        Assert.Equal((before.UpdatedAt, new DateOnly(2025, 12, 31)), (after.UpdatedAt, after.Rules.PeriodEnd));
        Assert.Empty(await AuditAsync(AuditKinds.CampaignRules));
    }

    [Fact]
    public async Task UnitList_UploadedCsv_PreviewedThenReplacesTheDraftsUnits()
    {
        await CopyDraftAsync(Draft);
        var page = await ShowTabAsync();
        await EditAsync(page, Draft);
        Assert.Equal("/api/v1/campaigns/can-tho-2025/units/template?format=csv", page.Find("[data-testid=campaign-units-template-csv]").GetAttribute("href"));

        await ChooseFileAsync(page, "campaign-units-file", UnitHeader
            + "p-mot,Phường Một,phuong,,,,\r\np-hai,Phường Hai,phuong,,01/07/2025,,p-cai-khe; p-an-hoa\r\nx-ba,Xã Ba,xa,,,,\r\n", "don-vi-2025.csv");

        Assert.Contains("3 đơn vị", page.Find("[data-testid=campaign-units-summary]").TextContent);
        Assert.Equal(111, (await Catalog.UnitsAsync(Draft))!.Count); // nothing replaced before the button

        await page.Find("[data-testid=campaign-units-commit]").ClickAsync(new());

        var units = (await Catalog.UnitsAsync(Draft))!;
        Assert.Equal(["p-hai", "p-mot", "x-ba"], units.Select(u => u.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["p-an-hoa", "p-cai-khe"], units.Single(u => u.Code == "p-hai").Predecessors.Order(StringComparer.Ordinal));
        Assert.Contains("3 đơn vị", Notice(page));
        Assert.Equal("3", page.Find("[data-testid=campaign-units-count]").TextContent.Trim());
        Assert.Single(await AuditAsync(AuditKinds.CampaignUnits));
    }

    [Fact]
    public async Task UnitList_ABadRow_IsListedWithItsRowAndReplacesNothing()
    {
        await CopyDraftAsync(Draft);
        var page = await ShowTabAsync();
        await EditAsync(page, Draft);

        await ChooseFileAsync(page, "campaign-units-file", UnitHeader + "p-mot,Phường Một,phuong,,,,\r\np-hai,Phường Hai,khoi-la,,,,\r\n", "don-vi-sai.csv");

        Assert.Contains("Dòng 3, cột “khoi”", page.Find("[data-testid=campaign-units-findings]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=campaign-units-commit]"));
        Assert.Equal(111, (await Catalog.UnitsAsync(Draft))!.Count);
    }

    [Fact]
    public async Task Steps_ActivateDefaultClose_ChangeTheStatusAndAreAudited()
    {
        await CopyDraftAsync(Draft);
        var page = await ShowTabAsync();

        await page.Find("[data-testid=campaign-row][data-code=can-tho-2025] [data-testid=campaign-activate]").ClickAsync(new());
        Assert.Equal(CampaignStatus.Active, Catalog.Find(Draft)!.Status);
        Assert.Contains("Đã kích hoạt chiến dịch “can-tho-2025”", Notice(page));
        Assert.Equal("Đang diễn ra", page.Find("[data-testid=campaign-row][data-code=can-tho-2025] [data-testid=campaign-status]").TextContent.Trim());

        await page.Find("[data-testid=campaign-row][data-code=can-tho-2025] [data-testid=campaign-set-default]").ClickAsync(new());
        Assert.True(Catalog.Find(Draft)!.IsDefault);
        Assert.False(Catalog.Find(Default)!.IsDefault);

        await page.Find("[data-testid=campaign-row][data-code=can-tho-2024] [data-testid=campaign-close]").ClickAsync(new());
        Assert.Contains("chỉ xem được", page.Find("[data-testid=campaign-close-confirm]").TextContent);
        Assert.Equal(CampaignStatus.Active, Catalog.Find(Default)!.Status); // nothing before the second yes
        await page.Find("[data-testid=campaign-close-yes]").ClickAsync(new());

        Assert.Equal(CampaignStatus.Closed, Catalog.Find(Default)!.Status);
        Assert.Equal("Đã kết thúc", page.Find("[data-testid=campaign-row][data-code=can-tho-2024] [data-testid=campaign-status]").TextContent.Trim());
        Assert.Contains("từ nay chỉ xem được", Notice(page));
        Assert.Equal(["campaign/can-tho-2025"], (await AuditAsync(AuditKinds.CampaignActivate)).Select(e => e.Subject));
        Assert.Equal(["campaign/can-tho-2025"], (await AuditAsync(AuditKinds.CampaignDefault)).Select(e => e.Subject));
        Assert.Equal(["campaign/can-tho-2024"], (await AuditAsync(AuditKinds.CampaignClose)).Select(e => e.Subject));
    }

    [Fact]
    public async Task Activate_DraftWithoutUnits_IsRefusedWithTheFindingListed()
    {
        await Catalog.ImportAsync(new CampaignDefinition(Catalog.Find(Default)!.Rules with { Code = Draft }, []), dryRun: false, Admin);
        var page = await ShowTabAsync();

        await page.Find("[data-testid=campaign-row][data-code=can-tho-2025] [data-testid=campaign-activate]").ClickAsync(new());

        Assert.Contains("Chiến dịch chưa có đơn vị nào", page.Find("[data-testid=campaign-step-findings]").TextContent);
        Assert.Contains("Không thực hiện được", Notice(page));
        Assert.Equal(CampaignStatus.Draft, Catalog.Find(Draft)!.Status);
        Assert.Empty(await AuditAsync(AuditKinds.CampaignActivate));
    }
}
