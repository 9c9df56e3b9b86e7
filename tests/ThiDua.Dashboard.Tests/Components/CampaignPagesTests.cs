using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Components.Layout;
using ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Tests.Campaigns;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>
/// Pages take <c>?chien-dich=CODE</c> like <c>?ngay=</c>: a second campaign (the tests' chuyen-doi-so-2026,
/// whose p-binh-thuy keeps its 2024 code and whose p-ninh-kieu comes from the 2024 p-tan-an, p-an-hoa and
/// p-cai-khe) shown through its own services, links that keep the parameter, the app bar's switch, the
/// lineage and last year, and a closed campaign's pages that no longer write.
/// </summary>
public sealed class CampaignPagesTests : PageTestContext
{
    private const string Other = GeneralityCampaign.Code;
    private const string Default = "can-tho-2024";
    private static readonly DateOnly Recent = new(2024, 12, 10);
    private static readonly WriteActor Organiser = new("to-chuc", null, UnitScope.All);

    private CampaignCatalog Catalog => Services.GetRequiredService<CampaignCatalog>();

    private async Task ActivateOtherAsync()
    {
        var imported = await Catalog.ImportAsync(GeneralityCampaign.Load(), dryRun: false, Organiser);
        Assert.Equal(CampaignOutcome.Done, imported.Outcome);
        var activated = await Catalog.ActivateAsync(Other, Organiser);
        Assert.True(activated.Outcome == CampaignOutcome.Done, activated.Reason ?? string.Join("; ", activated.Findings.Errors.Select(e => e.Message)));
    }

    private async Task<CampaignServices> OtherServicesAsync() =>
        (await Services.GetRequiredService<CampaignEngines>().GetAsync(Other))!;

    /// <summary>
    /// An Hòa 14,32 (rank 2 of 2) and, with Cái Khế's figures of the unit page's tests, <paramref name="leader"/>
    /// 18,21 (rank 1) on the 2024 wards' board.
    /// </summary>
    private Task Report2024Async(string leader) => SubmitAsync(
        Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 50, 100), Rate("p-an-hoa", "d", Recent, 82, 100),
        Dossiers(leader, Recent, 4000), Rate(leader, "c", Recent, 82, 100), Rate(leader, "d", Recent, 70, 100));

    [Fact]
    public async Task Leaderboard_ChosenCampaign_ShowsItsUnitsNotTheDefaults()
    {
        // Arrange
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/bang-xep-hang/phuong?chien-dich={Other}");

        // Act: both campaigns have a "phuong" block; only the chosen one's wards may show.
        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));
        await SettleAsync(page);

        // Assert
        var units = page.FindAll("[data-testid=board] tbody tr[data-unit]").Select(r => r.GetAttribute("data-unit")).ToList();
        Assert.Contains("p-ninh-kieu", units);
        Assert.Contains("p-binh-thuy", units);
        Assert.DoesNotContain("p-an-hoa", units);
        Assert.Contains("Phường Ninh Kiều", page.Markup);
        Assert.DoesNotContain("Phường An Hòa", page.Markup);
    }

    [Fact]
    public async Task Leaderboard_ChosenCampaign_LinksKeepTheCampaignAndTheDate()
    {
        // Arrange
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/bang-xep-hang/phuong?chien-dich={Other}&ngay=2026-06-30");

        // Act
        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));
        await SettleAsync(page);

        // Assert: the unit link, the print view and the exports (the API's ?campaign=) carry the campaign.
        Assert.Equal($"/don-vi/p-ninh-kieu?ngay=2026-06-30&chien-dich={Other}", page.Find("tr[data-unit='p-ninh-kieu'] a").GetAttribute("href"));
        var hrefs = page.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Contains($"/bang-xep-hang/phuong/in?ngay=2026-06-30&chien-dich={Other}", hrefs);
        Assert.Contains($"/api/v1/leaderboards/export?format=xlsx&asOf=2026-06-30&campaign={Other}", hrefs);
    }

    [Fact]
    public async Task Home_NoCampaignChosen_LinksCarryNoCampaign()
    {
        // Arrange
        await ActivateOtherAsync();
        Navigation.NavigateTo("/?ngay=2024-06-30");

        // Act
        var page = RenderPage<Home>(_ => { });
        await SettleAsync(page);

        // Assert: without a choice the page follows the default and its links stay without one.
        Assert.Contains(page.FindAll("[data-testid=block-phuong] a"), a => a.GetAttribute("href") == "/bang-xep-hang/phuong?ngay=2024-06-30");
        Assert.DoesNotContain("chien-dich", page.Markup);
    }

    [Fact]
    public async Task Leaderboard_DefaultChangedWithoutRestart_ShowsTheNewDefault()
    {
        // Arrange
        await ActivateOtherAsync();
        await Catalog.SetDefaultAsync(Other, Organiser);
        Navigation.NavigateTo("/bang-xep-hang/phuong");

        // Act
        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));
        await SettleAsync(page);

        // Assert: the new default's ward, not the 2024 one.
        Assert.NotNull(page.Find("tr[data-unit='p-ninh-kieu']"));
        Assert.Empty(page.FindAll("tr[data-unit='p-an-hoa']"));
    }

    [Fact]
    public async Task Leaderboard_ChosenCampaign_ListensToThatCampaignsNotifierOnly()
    {
        // Arrange
        await ActivateOtherAsync();
        var other = await OtherServicesAsync();
        var before = other.Notifier.SubscriberCount;
        Navigation.NavigateTo($"/bang-xep-hang/phuong?chien-dich={Other}");
        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));
        await SettleAsync(page);

        // Act: a figure for the other campaign (so-hoa 90% is full credit: 20 points of the 100 a ward can
        // earn there, so 20,00; the 2024 scale would give another number).
        Time.Advance(TimeSpan.FromSeconds(1));
        var result = await other.GetRequired<FigureIngestion>().SubmitAsync(
            [new Figure("p-ninh-kieu", "so-hoa", new DateOnly(2026, 11, 20), 90, 100)], "form", "test");
        Assert.Empty(result.Errors);

        // Assert
        Assert.Equal(before + 1, other.Notifier.SubscriberCount);
        Assert.Equal(0, PageSubscribers);
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("tr[data-unit='p-ninh-kieu']").GetAttribute("data-rank")), TimeSpan.FromSeconds(5));
        Assert.Contains("20,00", page.Find("tr[data-unit='p-ninh-kieu']").TextContent);
    }

    [Fact]
    public async Task Layout_Switcher_ListsActiveAndClosedCampaignsNewestFirstNotDrafts()
    {
        // Arrange: the other campaign active, and a draft copy of it that must not be offered.
        await ActivateOtherAsync();
        await Catalog.CopyAsync(Other, "nhap-2027", "Bản nháp 2027", new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Organiser);
        Navigation.NavigateTo("/bang-xep-hang/phuong?nhom=tu-3500");
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));

        // Act
        await layout.Find(".thidua-campaign-button").ClickAsync(new());

        // Assert
        Assert.Equal(Default, layout.Find("[data-testid=campaign-switcher]").GetAttribute("data-campaign"));
        var options = layout.FindAll("[data-testid=campaign-option]");
        Assert.Equal([Other, Default], options.Select(o => o.GetAttribute("data-campaign")));
        var href = options[0].GetAttribute("href") ?? options[0].QuerySelector("a")?.GetAttribute("href");
        Assert.Equal($"http://localhost/bang-xep-hang/phuong?nhom=tu-3500&chien-dich={Other}", href);
    }

    [Fact]
    public async Task Layout_ChosenCampaign_ShowsItsNameAndKeepsItInTheNavigation()
    {
        // Arrange
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/?chien-dich={Other}");

        // Act
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));

        // Assert
        Assert.Equal(Other, layout.Find("[data-testid=campaign-switcher]").GetAttribute("data-campaign"));
        Assert.Contains("Thi đua đẩy mạnh chuyển đổi số", layout.Find(".thidua-campaign-button").TextContent);
        var hrefs = layout.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/bang-xep-hang/so-ban-nganh?chien-dich={Other}", hrefs);
        Assert.Contains($"/khen-thuong?chien-dich={Other}", hrefs);
    }

    [Fact]
    public async Task UnitPage_PredecessorInAnEarlierCampaign_LinksThereAndComparesWithLastYear()
    {
        // Arrange
        await Report2024Async(leader: "p-cai-khe");
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/don-vi/p-ninh-kieu?chien-dich={Other}");

        // Act
        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "p-ninh-kieu"));
        await SettleAsync(page);

        // Assert: each 2024 ward it came from is linked in 2024, and An Hòa and Cái Khế are compared.
        var links = page.FindAll("[data-testid=lineage-link]");
        Assert.Equal(new[] { "p-an-hoa", "p-cai-khe", "p-tan-an" }.Select(c => $"/don-vi/{c}?chien-dich={Default}"), links.Select(l => l.GetAttribute("href")).Order());
        Assert.Equal(["Phường An Hòa", "Phường Cái Khế", "Phường Tân An"], links.Select(l => l.TextContent.Trim()).Order(StringComparer.Ordinal));
        var place = page.Find("[data-testid=last-year-place][data-unit='p-an-hoa']");
        Assert.Equal("14,32", place.QuerySelector("[data-testid=last-year-score]")!.TextContent.Trim());
        Assert.Equal("Hạng 2/2", place.QuerySelector("[data-testid=last-year-rank]")!.TextContent.Trim());
        var leader = page.Find("[data-testid=last-year-place][data-unit='p-cai-khe']");
        Assert.Equal("18,21", leader.QuerySelector("[data-testid=last-year-score]")!.TextContent.Trim());
        Assert.Equal("Hạng 1/2", leader.QuerySelector("[data-testid=last-year-rank]")!.TextContent.Trim());
        Assert.Contains("qua các đơn vị tiền thân", page.Find("[data-testid=last-year]").TextContent);
    }

    [Fact]
    public async Task UnitPage_SameCodeLastYear_ComparesWithIt()
    {
        // Arrange
        await Report2024Async(leader: "p-binh-thuy");
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/don-vi/p-binh-thuy?chien-dich={Other}");

        // Act
        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "p-binh-thuy"));
        await SettleAsync(page);

        // Assert
        Assert.Contains("Phường Bình Thủy", page.Find("h1").TextContent);
        var place = Assert.Single(page.FindAll("[data-testid=last-year-place]"));
        Assert.Equal("p-binh-thuy", place.GetAttribute("data-unit"));
        Assert.Equal("18,21", place.QuerySelector("[data-testid=last-year-score]")!.TextContent.Trim());
        Assert.Equal("Hạng 1/2", place.QuerySelector("[data-testid=last-year-rank]")!.TextContent.Trim());
        Assert.Equal($"/don-vi/p-binh-thuy?chien-dich={Default}", place.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=lineage]"));
    }

    [Fact]
    public async Task UnitPage_NoCodeOrLineageLastYear_SaysSo()
    {
        // Arrange
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/don-vi/p-cai-rang?chien-dich={Other}");

        // Act: 2024 had the district q-cai-rang, not this ward's code, and the ward lists no predecessor.
        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "p-cai-rang"));
        await SettleAsync(page);

        // Assert
        Assert.Contains("không có đơn vị này", page.Find("[data-testid=last-year-none]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=last-year-place]"));
    }

    [Fact]
    public async Task UnitPage_FirstCampaign_ShowsNoLastYear()
    {
        // Arrange: only 2024 exists.
        Navigation.NavigateTo("/don-vi/p-an-hoa");

        // Act
        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "p-an-hoa"));
        await SettleAsync(page);

        // Assert
        Assert.Empty(page.FindAll("[data-testid=last-year]"));
        Assert.Empty(page.FindAll("[data-testid=lineage]"));
    }

    [Fact]
    public async Task DataEntry_ClosedCampaign_SaysItHasEndedAndOffersNoForm()
    {
        // Arrange
        await ActivateOtherAsync();
        await Catalog.CloseAsync(Other, Organiser);
        Authorization.SetAuthorized("can-bo-nhap-lieu").SetRoles("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        Navigation.NavigateTo($"/nhap-lieu?chien-dich={Other}");

        // Act
        var page = RenderPage<DataEntry>(_ => { });
        await SettleAsync(page);

        // Assert
        Assert.StartsWith("Chiến dịch đã kết thúc", page.Find("[data-testid=campaign-closed]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=entry-form]"));
    }

    [Fact]
    public async Task DataEntry_ActiveCampaign_OffersTheForm()
    {
        // Arrange
        await ActivateOtherAsync();
        Authorization.SetAuthorized("can-bo-nhap-lieu").SetRoles("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        Navigation.NavigateTo($"/nhap-lieu?chien-dich={Other}");

        // Act
        var page = RenderPage<DataEntry>(_ => { });
        await SettleAsync(page);

        // Assert
        Assert.NotNull(page.Find("[data-testid=entry-form]"));
        Assert.Empty(page.FindAll("[data-testid=campaign-closed]"));
    }

    [Fact]
    public async Task UnitPage_ClosedCampaign_OffersNoRegistrationForm()
    {
        // Arrange
        await ActivateOtherAsync();
        await Catalog.CloseAsync(Other, Organiser);
        Authorization.SetAuthorized("can-bo-nhap-lieu").SetRoles("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        Navigation.NavigateTo($"/don-vi/p-ninh-kieu?chien-dich={Other}");

        // Act
        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "p-ninh-kieu"));
        await SettleAsync(page);

        // Assert: the closed campaign is still readable, but no longer takes a registration.
        Assert.Contains("Phường Ninh Kiều", page.Find("h1").TextContent);
        Assert.NotNull(page.Find("[data-testid=unit-registration]"));
        Assert.Empty(page.FindAll("[data-testid=registration-form]"));
    }

    [Fact]
    public async Task Awards_ClosedCampaign_SaysItHasEnded()
    {
        // Arrange
        await ActivateOtherAsync();
        await Catalog.CloseAsync(Other, Organiser);
        Authorization.SetAuthorized("van-phong").SetRoles("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        Navigation.NavigateTo($"/khen-thuong?chien-dich={Other}");

        // Act
        var page = RenderPage<Dashboard.Components.Pages.Awards>(_ => { });
        await SettleAsync(page);

        // Assert
        Assert.StartsWith("Chiến dịch đã kết thúc", page.Find("[data-testid=campaign-closed]").TextContent.Trim());
        Assert.Contains($"campaign={Other}", page.Find("[data-testid=awards-xlsx]").GetAttribute("href"));
    }

    [Fact]
    public async Task BoardPrint_ChosenCampaign_PrintsItsBoardAndLinksBackWithIt()
    {
        // Arrange
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/bang-xep-hang/phuong/in?chien-dich={Other}");

        // Act
        var page = Render<Dashboard.Components.Print.BoardPrint>(p => p.Add(x => x.BlockCode, "phuong"));
        await SettleAsync(page);

        // Assert
        Assert.Contains("Phường Ninh Kiều", page.Find("[data-testid=print-board]").TextContent);
        Assert.DoesNotContain("Phường An Hòa", page.Find("[data-testid=print-board]").TextContent);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == $"/bang-xep-hang/phuong?chien-dich={Other}");
    }

    [Fact]
    public async Task Presenter_ChosenCampaign_ShowsItsBoards()
    {
        // Arrange
        await ActivateOtherAsync();
        Navigation.NavigateTo($"/trinh-chieu?chien-dich={Other}");

        // Act
        var page = RenderPage<Dashboard.Components.Presenter.Presenter>(_ => { });
        await SettleAsync(page);

        // Assert: its own block, not the 2024 districts' one (both have "UBND phường").
        Assert.Contains("Sở, ban, ngành thành phố", page.Markup);
        Assert.DoesNotContain("UBND quận, huyện", page.Markup);
    }
}
