using ThiDua.Dashboard.Storage;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Components.Pages;
using Pages = ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Components.Presenter;
using ThiDua.Dashboard.Components.Print;
using ThiDua.Dashboard.Export;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Scoring.Awards;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>The plan's standard (a), the tham mưu slot's condition and the committee nominee, as every page shows them.</summary>
public sealed class StandardsPagesTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);
    private const string NotAssessed = "Chưa đánh giá tiêu chuẩn Nghị quyết 02";

    private FigureIngestion Ingestion => Services.GetRequiredService<FigureIngestion>();
    private AwardBook Book => Services.GetRequiredService<AwardBook>();

    private Task RegisterAsync(string unit) => Ingestion.SetRegistrationAsync(unit, new DateOnly(2024, 4, 1), "form", "test");

    private Task AssessAsync(string unit, Nq02Assessment? assessment, string? note = null) =>
        Ingestion.SetNq02Async(unit, assessment, note, "form", WriteActor.Trusted("van-phong"));

    /// <summary>Phường An Hòa tops the "1.500 – < 3.500" group (registered, not assessed).</summary>
    private async Task ProposedWardAsync()
    {
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100));
        await RegisterAsync("p-an-hoa");
    }

    /// <summary>Sở Tư pháp, below 1.000 dossiers (a group with no rank slot), nominated for the tham mưu slot.</summary>
    private async Task NomineeAsync()
    {
        await SubmitAsync(Dossiers("so-tu-phap", Recent, 500), Rate("so-tu-phap", "c", Recent, 70, 100));
        await RegisterAsync("so-tu-phap");
        Assert.Empty((await Book.NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Tham mưu tốt Bộ chỉ số 766", "hoi-dong")).Problems);
    }

    private IRenderedComponent<Pages.Awards> ShowAwards()
    {
        Navigation.NavigateTo("/khen-thuong");
        return RenderPage<Pages.Awards>(_ => { });
    }

    private static AngleSharp.Dom.IElement Slot(IRenderedComponent<Pages.Awards> page, string block, string group) =>
        page.FindAll("[data-testid=award-slot]").Single(s => s.GetAttribute("data-block") == block && (s.GetAttribute("data-group") ?? "") == group);

    [Fact]
    public async Task AwardCard_ProposedUnitNotAssessed_IsFlaggedUntilAssessedMet()
    {
        // Arrange
        await ProposedWardAsync();
        var page = ShowAwards();
        var flagged = Slot(page, "phuong", "tu-1500-duoi-3500").QuerySelector("[data-testid=proposed]")!.TextContent;

        // Act
        Time.Advance(TimeSpan.FromSeconds(1));
        await AssessAsync("p-an-hoa", Nq02Assessment.Met);

        // Assert
        Assert.Contains("Phường An Hòa", flagged);
        Assert.Contains(NotAssessed, flagged);
        page.WaitForAssertion(() => Assert.Empty(Slot(page, "phuong", "tu-1500-duoi-3500").QuerySelectorAll("[data-testid=standard-unassessed]")));
        Assert.Contains("Phường An Hòa", Slot(page, "phuong", "tu-1500-duoi-3500").QuerySelector("[data-testid=proposed]")!.TextContent);
    }

    [Fact]
    public async Task AwardCard_NotMet_UnitPassedOverWithTheReason()
    {
        await ProposedWardAsync();
        await AssessAsync("p-an-hoa", Nq02Assessment.NotMet, "Chưa công khai đủ TTHC");

        var slot = Slot(ShowAwards(), "phuong", "tu-1500-duoi-3500");

        Assert.NotNull(slot.QuerySelector("[data-testid=slot-empty]"));
        Assert.Contains("Không đạt tiêu chí Nghị quyết 02/NQ-CP: Chưa công khai đủ TTHC", Assert.Single(slot.QuerySelectorAll("[data-testid=passed-over]")).TextContent);
    }

    [Fact]
    public async Task ThamMuuCard_RatingNotRecorded_SaysSo()
    {
        var slot = Slot(ShowAwards(), "so-nganh", "");

        var condition = slot.QuerySelector("[data-testid=slot-condition]")!;
        Assert.Equal("unknown", condition.GetAttribute("data-met"));
        Assert.Contains("Chưa ghi nhận xếp loại Bộ chỉ số 766 của thành phố; suất này chỉ được trao khi xếp loại từ Tốt trở lên.", condition.TextContent);
    }

    [Fact]
    public async Task ThamMuuCard_RatedKha_NomineeShownAsNotMeetingTheConditionAndNoNominationForm()
    {
        // Arrange
        await NomineeAsync();
        Authorization.SetAuthorized("hoi-dong").SetRoles(Roles.Committee);

        // Act
        await Book.SetCityRatingAsync(CityRating.Kha, "Cổng DVCQG", "admin");
        var slot = Slot(ShowAwards(), "so-nganh", "");

        // Assert
        Assert.Equal("false", slot.QuerySelector("[data-testid=slot-condition]")!.GetAttribute("data-met"));
        Assert.Empty(slot.QuerySelectorAll("[data-testid=proposed]"));
        var passed = Assert.Single(slot.QuerySelectorAll("[data-testid=passed-over]"));
        Assert.Contains("Sở Tư pháp", passed.TextContent);
        Assert.Contains("là Khá, chưa đạt điều kiện", passed.TextContent);
        Assert.Contains("Đề cử không đạt điều kiện:", slot.TextContent);
        Assert.Empty(slot.QuerySelectorAll("[data-testid=nominate-form]"));
    }

    [Fact]
    public async Task UnitPage_CommitteeNominee_SaysProposedAndFlagsTheUnassessedStandard()
    {
        await NomineeAsync();

        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "so-tu-phap"));

        Assert.Equal("★ Đang được đề xuất Bằng khen", page.Find("[data-testid=unit-proposed]").TextContent.Trim());
        Assert.Contains(NotAssessed, page.Find("[data-testid=standard-unassessed]").TextContent);
        Assert.DoesNotContain("Chưa nằm trong số suất khen", page.Markup);
        Assert.Contains("Đơn vị đang trong số được đề xuất khen thưởng.", page.Markup);
    }

    [Fact]
    public async Task UnitPage_NominationMadeWhileOpen_UpdatesWithoutReload()
    {
        await SubmitAsync(Dossiers("so-tu-phap", Recent, 500), Rate("so-tu-phap", "c", Recent, 70, 100));
        await RegisterAsync("so-tu-phap");
        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "so-tu-phap"));
        Assert.Contains("Chưa nằm trong số suất khen", page.Markup);

        Assert.Empty((await Book.NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Tham mưu tốt", "hoi-dong")).Problems);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=unit-proposed]")));
    }

    [Fact]
    public async Task UnitPage_ProposedUnitAssessedMet_HasNoFlag()
    {
        await ProposedWardAsync();
        await AssessAsync("p-an-hoa", Nq02Assessment.Met);

        var page = RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, "p-an-hoa"));

        Assert.NotNull(page.Find("[data-testid=unit-proposed]"));
        Assert.Empty(page.FindAll("[data-testid=standard-unassessed]"));
    }

    [Fact]
    public async Task Home_CommitteeNominee_IsMarkedProposed()
    {
        await NomineeAsync();

        var page = RenderPage<Home>(_ => { });

        var line = page.FindAll("ol.thidua-top li").Single(li => li.TextContent.Contains("Sở Tư pháp"));
        Assert.Contains("★ đề xuất khen", line.TextContent);
    }

    [Fact]
    public async Task PresenterAwardSlide_CommitteeNominee_FillsTheThamMuuSlot()
    {
        await NomineeAsync();
        Navigation.NavigateTo("/trinh-chieu?trang=khen-thuong");

        var page = RenderPage<Presenter>(_ => { });

        var card = page.FindAll("[data-testid=presenter-awards] section").Single(s => s.TextContent.Contains("tham mưu"));
        Assert.Contains("★ Sở Tư pháp", Assert.Single(card.QuerySelectorAll("[data-testid=presenter-award-unit]")).TextContent);
        Assert.DoesNotContain("Hội đồng xét chọn", card.QuerySelector(".thidua-award-none")?.TextContent ?? "");
        Assert.Contains("Chưa ghi nhận xếp loại Bộ chỉ số 766", card.QuerySelector("[data-testid=presenter-award-condition]")!.TextContent);
    }

    [Fact]
    public async Task Individuals_StaffOfTheCommitteeNominee_MayBeProposed()
    {
        await NomineeAsync();

        var errors = (await Book.AddIndividualAsync("Nguyễn Văn A", "Chuyên viên Bộ phận Một cửa", "so-tu-phap", IndividualDuty.MotCua, "Tham mưu kiểm soát TTHC", "hoi-dong")).Problems;

        Assert.Empty(errors);
    }

    [Fact]
    public async Task PrintView_ProposedUnitNotAssessed_IsFlagged()
    {
        await ProposedWardAsync();
        Navigation.NavigateTo("/khen-thuong/in");

        var page = Render<AwardsPrint>();

        var row = page.FindAll("[data-testid=print-awards] tbody tr").Single(r => r.TextContent.Contains("Phường An Hòa"));
        Assert.Contains($"Phường An Hòa ({NotAssessed})", row.TextContent);
        Assert.Contains(page.FindAll("[data-testid=print-awards] tbody tr"), r => r.TextContent.Contains("Chưa ghi nhận xếp loại Bộ chỉ số 766"));
    }

    [Fact]
    public async Task AwardExport_ProposedUnitNotAssessed_IsFlaggedInTheReasons()
    {
        await ProposedWardAsync();

        var sheet = AwardExport.Sheet(Host.Rules, await Book.ProposalAsync(CampaignEnd));

        var row = sheet.Rows.Single(r => (string?)r[4] == "p-an-hoa");
        Assert.Equal((AwardExport.Proposed, $"{NotAssessed}."), ((string?)row[8], (string?)row[9]));
    }

    [Fact]
    public async Task AdminSection_ListsAssessmentsAndTheCityRating()
    {
        await AssessAsync("p-an-hoa", Nq02Assessment.NotMet, "Thiếu công khai");
        await Book.SetCityRatingAsync(CityRating.Tot, "Công bố 766 năm 2024", "admin");

        var section = RenderPage<AdminStandards>(p => p.Add(x => x.Writer, WriteActor.Trusted("admin")));

        Assert.Contains("Hiện ghi nhận: Tốt Nguồn: Công bố 766 năm 2024.", Text(section.Find("[data-testid=city-rating-current]")));
        var row = section.Find("[data-testid=nq02-table] tr[data-unit=p-an-hoa]");
        Assert.Contains("Không đạt", row.QuerySelector("[data-testid=nq02-status]")!.TextContent);
        Assert.Contains("Thiếu công khai", row.TextContent);
        Assert.Contains("Không đạt: 1", Text(section.Find("[data-testid=nq02-summary]")));
    }

    [Fact]
    public async Task AdminSection_SaveCityRating_RecordsWhatTheFormHolds()
    {
        await Book.SetCityRatingAsync(CityRating.Kha, null, "admin");
        var section = RenderPage<AdminStandards>(p => p.Add(x => x.Writer, WriteActor.Trusted("admin")));

        await section.Find("[data-testid=city-rating-save]").ClickAsync(new());

        Assert.Equal(CityRating.Kha, (await Book.CityRatingAsync()).Rating);
        Assert.Equal(2, (await Services.GetRequiredService<ThiDua.Dashboard.Audit.IAuditTrail>().QueryAsync(new ThiDua.Dashboard.Audit.AuditQuery(Kind: ThiDua.Dashboard.Audit.AuditKinds.CityRating))).Count);
    }
}
