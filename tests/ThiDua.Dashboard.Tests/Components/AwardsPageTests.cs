using ThiDua.Dashboard.Storage;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Awards;
using Pages = ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class AwardsPageTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private async Task RegisterAsync(string unit, DateOnly date) =>
        await Services.GetRequiredService<FigureIngestion>().SetRegistrationAsync(unit, date, "form", "test");

    private IRenderedComponent<Pages.Awards> Show(params string[] roles)
    {
        if (roles.Length > 0) Authorization.SetAuthorized("hoi-dong").SetRoles(roles);
        Navigation.NavigateTo("/khen-thuong");
        return RenderPage<Pages.Awards>(_ => { });
    }

    private static AngleSharp.Dom.IElement Slot(IRenderedComponent<Pages.Awards> page, string block, string group) =>
        page.FindAll("[data-testid=award-slot]").Single(s => s.GetAttribute("data-block") == block && (s.GetAttribute("data-group") ?? "") == group);

    [Fact]
    public async Task Awards_TopUnitUnregistered_IsPassedOverWithTheReasonAndTheNextIsProposed()
    {
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 50, 100));
        await RegisterAsync("p-cai-khe", new DateOnly(2024, 4, 1));

        var page = Show();

        var slot = Slot(page, "phuong", "tu-1500-duoi-3500");
        Assert.Contains("Phường Cái Khế", Assert.Single(slot.QuerySelectorAll("[data-testid=proposed]")).TextContent);
        var passed = Assert.Single(slot.QuerySelectorAll("[data-testid=passed-over]"));
        Assert.Contains("Phường An Hòa", passed.TextContent);
        Assert.Contains("Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024.", passed.TextContent);
    }

    [Fact]
    public async Task Awards_TwoTiedForTheLastSlot_BothProposedAndMarked()
    {
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 95, 100));
        await RegisterAsync("p-an-hoa", new DateOnly(2024, 4, 1));
        await RegisterAsync("p-cai-khe", new DateOnly(2024, 4, 2));

        var page = Show();

        var slot = Slot(page, "phuong", "tu-1500-duoi-3500");
        Assert.Contains("Văn phòng UBND thành phố xét chọn, trình Chủ tịch UBND thành phố quyết định.", Text(slot.QuerySelector("[data-testid=slot-tied]")!));
        Assert.Equal(2, slot.QuerySelectorAll("[data-testid=proposed]").Length);
    }

    [Fact]
    public async Task Awards_CommitteeMemberNominates_TheSlotShowsTheUnitAndReasonAndTheApiToo()
    {
        await RegisterAsync("so-tu-phap", new DateOnly(2024, 4, 1));
        var page = Show("committee");
        var slot = Slot(page, "so-nganh", "");
        Assert.NotNull(slot.QuerySelector("[data-testid=slot-empty]"));

        var errors = (await Services.GetRequiredService<AwardBook>().NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Tham mưu tốt Bộ chỉ số 766", "hoi-dong")).Problems;

        Assert.Empty(errors);
        page.WaitForAssertion(() => Assert.Contains("Sở Tư pháp", Slot(page, "so-nganh", "").TextContent));
        Assert.Contains("Tham mưu tốt Bộ chỉ số 766 — hoi-dong", Slot(page, "so-nganh", "").TextContent);
        var proposal = await Services.GetRequiredService<AwardBook>().ProposalAsync(CampaignEnd);
        Assert.Equal("so-tu-phap", Assert.Single(proposal.Slots.Single(s => s.Code == "tham-muu").Proposed).Unit);
        var audit = Services.GetRequiredService<IAuditTrail>();
        var entry = Assert.Single(await audit.QueryAsync(new AuditQuery(Kind: AuditKinds.Nomination)));
        Assert.Equal(("hoi-dong", "so-nganh/tham-muu"), (entry.Actor, entry.Subject));
        Assert.Contains("so-tu-phap", entry.AfterJson);
        Assert.True((await audit.VerifyAsync()).Valid);
    }

    [Fact]
    public async Task Awards_SlotFull_SecondNominationIsRefusedInVietnamese()
    {
        var book = Services.GetRequiredService<AwardBook>();
        await RegisterAsync("so-tu-phap", new DateOnly(2024, 4, 1));
        await RegisterAsync("so-y-te", new DateOnly(2024, 4, 1));
        await book.NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Lý do", "hoi-dong");

        var errors = (await book.NominateAsync("so-nganh", "tham-muu", "so-y-te", "Lý do khác", "hoi-dong")).Problems;
        var wrongBlock = (await book.NominateAsync("so-nganh", "tham-muu", "p-an-hoa", "Lý do", "hoi-dong")).Problems;

        Assert.Contains("chỉ có 1 đơn vị", Assert.Single(errors));
        Assert.Contains(wrongBlock, e => e.Contains("không thuộc khối"));
    }

    [Fact]
    public async Task Awards_UnregisteredUnit_CannotBeNominatedForTheCommitteeSlot()
    {
        var errors = (await Services.GetRequiredService<AwardBook>().NominateAsync("so-nganh", "tham-muu", "so-xay-dung", "Lý do", "hoi-dong")).Problems;

        Assert.Equal(["Sở Xây dựng chưa đủ điều kiện khen thưởng: Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024."], errors);
    }

    [Fact]
    public void Awards_Viewer_SeesNoNominationForm()
    {
        var page = Show();

        Assert.Empty(page.FindAll("[data-testid=nominate-form]"));
        Assert.Empty(page.FindAll("[data-testid=individual-form]"));
        Assert.NotNull(page.Find("[data-testid=no-individuals]"));
    }

    [Fact]
    public async Task Individuals_OnlyFromAwardedUnits_AndFlaggedWhenTheUnitLosesItsAward()
    {
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 50, 100));
        await RegisterAsync("p-an-hoa", new DateOnly(2024, 4, 1));
        await RegisterAsync("p-cai-khe", new DateOnly(2024, 4, 1));
        var book = Services.GetRequiredService<AwardBook>();

        var refused = (await book.AddIndividualAsync("Trần Thị B", "Công chức một cửa", "p-cai-khe", IndividualDuty.MotCua, "Tiếp nhận 2.000 hồ sơ đúng hạn", "hoi-dong")).Problems;
        var added = (await book.AddIndividualAsync("Nguyễn Văn A", "Công chức một cửa", "p-an-hoa", IndividualDuty.MotCua, "Số hóa 100% hồ sơ", "hoi-dong")).Problems;
        var page = Show("committee");
        Assert.Contains("không có trong đề xuất khen tập thể", Assert.Single(refused));
        Assert.Empty(added);
        Assert.Contains("Nguyễn Văn A", page.Find("[data-testid=individuals]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=individual-invalid]"));

        await SubmitAsync(Rate("p-cai-khe", "c", Recent, 100, 100), Rate("p-cai-khe", "a", Recent, 100, 100));
        // The registrations above were pushed within the same fake instant, so this change waits for the trailing push.
        Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("Nguyễn Văn A (Phường An Hòa)", page.Find("[data-testid=individual-invalid]").TextContent), TimeSpan.FromSeconds(5));
    }
}
