using Bunit;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Tests.CampaignCore;

namespace ThiDua.Dashboard.Tests.Components.Campaigns;

public sealed class CampaignTabTests : CampaignTabContext
{
    [Fact]
    public async Task CampaignsTab_ListsEachCampaignWithPeriodStatusAndDefault()
    {
        await CopyDraftAsync("can-tho-2025");

        var page = await ShowTabAsync();

        var row = page.Find("[data-testid=campaign-row][data-code=can-tho-2024]");
        Assert.Contains("15/12/2023 – 14/12/2024", row.TextContent);
        Assert.Equal("Đang diễn ra", row.QuerySelector("[data-testid=campaign-status]")!.TextContent.Trim());
        Assert.Equal("Mặc định", row.QuerySelector("[data-testid=campaign-default]")!.TextContent.Trim());
        var draft = page.Find("[data-testid=campaign-row][data-code=can-tho-2025]");
        Assert.Equal("Nháp", draft.QuerySelector("[data-testid=campaign-status]")!.TextContent.Trim());
        Assert.Contains("01/01/2025 – 31/12/2025", draft.TextContent);
        Assert.Null(draft.QuerySelector("[data-testid=campaign-default]"));
    }

    [Fact]
    public async Task CampaignsTab_CampaignChangedElsewhere_ShowsItWithoutAReload()
    {
        var page = await ShowTabAsync();
        Assert.Empty(page.FindAll("[data-testid=campaign-row][data-code=can-tho-2025]"));

        // Another admin (or another node) copies and activates a campaign while this tab is open.
        await CopyDraftAsync("can-tho-2025");
        page.WaitForAssertion(() => Assert.Equal("Nháp",
            page.Find("[data-testid=campaign-row][data-code=can-tho-2025] [data-testid=campaign-status]").TextContent.Trim()));
        Assert.Equal(CampaignOutcome.Done, (await Catalog.ActivateAsync("can-tho-2025", Admin)).Outcome);

        page.WaitForAssertion(() => Assert.Equal("Đang diễn ra",
            page.Find("[data-testid=campaign-row][data-code=can-tho-2025] [data-testid=campaign-status]").TextContent.Trim()));
    }

    [Fact]
    public async Task ImportPreview_SyntaxError_ShowsTheFindingWithItsLineAndStoresNothing()
    {
        var page = await ShowTabAsync();
        var broken = CampaignApiHost.CampaignFile().Replace("\"name\": \"Thi đua đẩy mạnh", "\"name\" \"Thi đua đẩy mạnh", StringComparison.Ordinal);
        var line = broken[..broken.IndexOf("\"name\" \"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        await ChooseFileAsync(page, "campaign-import-file", broken, "chuyen-doi-so.json");

        var finding = page.Find("[data-testid=campaign-import-findings] li[data-kind=error]");
        Assert.StartsWith($"dòng {line}, cột ", finding.QuerySelector("[data-testid=finding-place]")!.TextContent.Trim());
        Assert.Contains($"Tệp không đúng cú pháp JSON ở dòng {line}", finding.TextContent);
        Assert.Empty(page.FindAll("[data-testid=campaign-import-commit]"));
        Assert.Null(Catalog.Find(CampaignApiHost.TestCode));
    }

    [Fact]
    public async Task ImportPreview_ValidFile_SummarisesItThenNhapCreatesTheDraft()
    {
        var page = await ShowTabAsync();

        await ChooseFileAsync(page, "campaign-import-file", CampaignApiHost.CampaignFile(), "chuyen-doi-so-2026.json");

        var summary = page.Find("[data-testid=campaign-import-summary]").TextContent;
        Assert.Contains(CampaignApiHost.TestCode, summary);
        Assert.Contains("01/01/2026 – 30/11/2026", summary);
        Assert.Equal(3, page.FindAll("[data-testid=campaign-import-block]").Count);
        Assert.Null(Catalog.Find(CampaignApiHost.TestCode)); // the preview is a dry run

        await page.Find("[data-testid=campaign-import-commit]").ClickAsync(new());

        var created = Catalog.Find(CampaignApiHost.TestCode);
        Assert.Equal(CampaignStatus.Draft, created?.Status);
        Assert.Equal(15, (await Catalog.UnitsAsync(CampaignApiHost.TestCode))!.Count);
        Assert.Contains($"Đã nhập chiến dịch “{CampaignApiHost.TestCode}”", Notice(page));
        Assert.Equal("Nháp", page.Find($"[data-testid=campaign-row][data-code={CampaignApiHost.TestCode}] [data-testid=campaign-status]").TextContent.Trim());
        Assert.Single(await AuditAsync(AuditKinds.CampaignCreate));
    }

    [Fact]
    public async Task Copy_NewCodeNameAndPeriod_CreatesADraftWithTheUnits()
    {
        var page = await ShowTabAsync();

        await TypeAsync(page, "campaign-copy-code", "can-tho-2025");
        await TypeAsync(page, "campaign-copy-name", "Thi đua năm 2025");
        await PickDateAsync(page, "campaign-copy-start", new DateOnly(2025, 1, 1));
        await PickDateAsync(page, "campaign-copy-end", new DateOnly(2025, 12, 31));
        await page.Find("[data-testid=campaign-copy-save]").ClickAsync(new());

        var copy = Catalog.Find("can-tho-2025");
        Assert.NotNull(copy);
        Assert.Equal((CampaignStatus.Draft, "Thi đua năm 2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            (copy.Status, copy.Name, copy.Rules.PeriodStart, copy.Rules.PeriodEnd));
        Assert.Equal((await Catalog.UnitsAsync(Default))!.Count, (await Catalog.UnitsAsync("can-tho-2025"))!.Count);
        Assert.Contains("thành bản nháp “can-tho-2025”", Notice(page));
        Assert.Equal("can-tho-2025", page.Find("[data-testid=campaign-draft]").GetAttribute("data-code"));
        Assert.Single(await AuditAsync(AuditKinds.CampaignCopy));
    }

    [Fact]
    public async Task Copy_BadCode_SaysWhyInVietnameseAndCopiesNothing()
    {
        var page = await ShowTabAsync();

        await TypeAsync(page, "campaign-copy-code", "Cần Thơ 2025");
        await PickDateAsync(page, "campaign-copy-start", new DateOnly(2025, 1, 1));
        await page.Find("[data-testid=campaign-copy-save]").ClickAsync(new());

        Assert.Contains("Mã chiến dịch mới gồm chữ thường không dấu", page.Find("[data-testid=campaign-copy]").TextContent);
        Assert.Contains("Chọn ngày kết thúc của chiến dịch mới.", Notice(page));
        Assert.Single(Catalog.List());
    }
}
