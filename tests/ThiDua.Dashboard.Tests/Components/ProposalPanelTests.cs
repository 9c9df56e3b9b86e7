using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Scoring.Awards;
using Pages = ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>
/// The review chain on /khen-thuong and its mark on every surface that names an award: the unit page, the
/// overview, the boards, the presenter's award slide and the award print view follow the fixed list and
/// say "Quyết định số … ngày …" once decided.
/// </summary>
public sealed class ProposalPanelTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private FigureIngestion Ingestion => Services.GetRequiredService<FigureIngestion>();
    private ProposalWorkflow Workflow => Services.GetRequiredService<ProposalWorkflow>();

    /// <summary>Phường An Hòa tops the "1.500 – < 3.500" ward group, registered and assessed; Cái Khế follows.</summary>
    private async Task ReadyAsync()
    {
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 50, 100));
        foreach (var unit in new[] { "p-an-hoa", "p-cai-khe" })
        {
            await Ingestion.SetRegistrationAsync(unit, new DateOnly(2024, 4, 1), "form", "test");
            await Ingestion.SetNq02Async(unit, Nq02Assessment.Met, null, "form", WriteActor.Trusted("van-phong"));
        }
    }

    private IRenderedComponent<Pages.Awards> Show(string user, string role)
    {
        Authorization.SetAuthorized(user).SetRoles(role).SetClaims(new Claim(AccountClaims.UserId, "5"));
        Navigation.NavigateTo("/khen-thuong");
        return RenderPage<Pages.Awards>(_ => { });
    }

    private async Task StepAsync(string to, string role = Roles.Admin, DecisionDto? decision = null, string? note = null)
    {
        var outcome = await Workflow.TransitionAsync(new ProposalTransition(to, note, null, [], decision), role, "quan-tri", null);
        Assert.True(outcome.Proposal is not null, string.Join(" ", outcome.Reasons));
    }

    [Fact]
    public async Task Committee_FixesTheList_ThePanelShowsItBesideTheLiveOne()
    {
        await ReadyAsync();
        var page = Show("van-phong", Roles.Committee);
        Assert.Equal("draft", page.Find("[data-testid=proposal-panel]").GetAttribute("data-state"));
        Assert.Empty(page.FindAll("[data-testid=proposal-appraise]"));

        page.Find("[data-testid=do-select]").Click();

        page.WaitForAssertion(() => Assert.Equal("selected", page.Find("[data-testid=proposal-panel]").GetAttribute("data-state")));
        Assert.Contains("Phường An Hòa", page.Find("[data-testid=proposal-fixed]").TextContent);
        Assert.DoesNotContain("Phường Cái Khế", page.Find("[data-testid=proposal-fixed]").TextContent);
        Assert.Contains("theo số liệu ngày 14/12/2024", page.Find("[data-testid=proposal-fixed-at]").TextContent);
        Assert.Contains("Theo bảng xếp hạng trực tiếp", page.Find("[data-testid=live-heading]").TextContent);
        Assert.Contains("Văn phòng UBND thành phố chốt danh sách đề nghị — van-phong", page.Find("[data-testid=proposal-history]").TextContent);
        Assert.Equal("Hồ sơ đề nghị", page.Find("[data-testid=dossier-zip]").TextContent.Trim());
    }

    [Fact]
    public async Task Appraiser_ReturnsWithoutAComment_IsAskedForOne_ThenReturns()
    {
        await ReadyAsync();
        await StepAsync(ProposalActions.Select, Roles.Committee);
        var page = Show("ban-thi-dua", Roles.Appraiser);
        Assert.Empty(page.FindAll("[data-testid=proposal-select]"));

        page.Find("[data-testid=do-return]").Click();
        page.WaitForAssertion(() => Assert.Contains("Trả lại đề xuất cần ghi ý kiến.", page.Find("[data-testid=proposal-errors]").TextContent));

        page.Find("[data-testid=proposal-appraise] textarea").Change("Bổ sung báo cáo thành tích của Phường An Hòa");
        page.Find("[data-testid=do-return]").Click();
        page.WaitForAssertion(() => Assert.Contains("trả lại để xem xét — ban-thi-dua", page.Find("[data-testid=proposal-history]").TextContent));
        Assert.Contains("Bổ sung báo cáo thành tích", page.Find("[data-testid=proposal-history]").TextContent);
    }

    private async Task DecidedAsync()
    {
        await ReadyAsync();
        await StepAsync(ProposalActions.Select, Roles.Committee);
        await StepAsync(ProposalActions.Appraise, Roles.Appraiser);
        await StepAsync(ProposalActions.Decide, decision: new DecisionDto("125/QĐ-UBND", new DateOnly(2025, 1, 20), "Trần Việt Trường"));
        // Cái Khế overtakes An Hòa after the decision.
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 10, 100));
    }

    [Fact]
    public async Task AfterTheDecision_TheAwardsPageSaysQuyetDinhSo_AndAFigureMovesOnlyTheBoards()
    {
        await DecidedAsync();

        var awards = Show("xem", Roles.Viewer);

        Assert.Contains("Quyết định số 125/QĐ-UBND ngày 20/01/2025 của Chủ tịch UBND thành phố", awards.Find("[data-testid=proposal-decision]").TextContent);
        Assert.Contains("Phường An Hòa", awards.Find("[data-testid=proposal-fixed]").TextContent);
        Assert.DoesNotContain("Phường Cái Khế", awards.Find("[data-testid=proposal-fixed]").TextContent);
        Assert.Empty(awards.FindAll("[data-testid=proposal-actions]"));
    }

    [Theory]
    [InlineData("p-an-hoa", true)]
    [InlineData("p-cai-khe", false)]
    public async Task AfterTheDecision_TheUnitPageSaysQuyetDinhSo_OnlyForTheAwardedUnit(string code, bool awarded)
    {
        await DecidedAsync();

        var unit = RenderPage<Pages.UnitPage>(p => p.Add(x => x.UnitCode, code));

        var marks = unit.FindAll("[data-testid=unit-award-fixed]");
        if (awarded)
        {
            Assert.Contains("Được tặng Bằng khen theo Quyết định số 125/QĐ-UBND ngày 20/01/2025", Assert.Single(marks).TextContent);
            // The award card does not contradict the decision with the live board's view.
            Assert.DoesNotContain("Chưa nằm trong số suất khen của nhóm.", unit.Markup, StringComparison.Ordinal);
        }
        else Assert.Empty(marks);
        // Cái Khế now tops the live board, yet the decision stands: no unit page says "being proposed".
        Assert.Empty(unit.FindAll("[data-testid=unit-proposed]"));
    }

    private const string DecisionWords = "Quyết định số 125/QĐ-UBND ngày 20/01/2025 của Chủ tịch UBND thành phố";

    [Fact]
    public async Task AfterTheDecision_TheOverviewMarksTheFixedList_AndNamesTheDecision()
    {
        await DecidedAsync();

        var home = RenderPage<Pages.Home>(_ => { });

        home.WaitForAssertion(() => Assert.Contains(DecisionWords, home.Find("[data-testid=award-decision]").TextContent));
        var wards = home.Find("[data-testid=block-phuong]");
        var anHoa = wards.QuerySelectorAll("li").Single(li => li.TextContent.Contains("Phường An Hòa", StringComparison.Ordinal));
        var caiKhe = wards.QuerySelectorAll("li").Single(li => li.TextContent.Contains("Phường Cái Khế", StringComparison.Ordinal));
        Assert.Equal("★ được tặng Bằng khen", anHoa.QuerySelector("[data-testid=award-mark]")!.TextContent);
        Assert.Contains(DecisionWords, anHoa.QuerySelector("[data-testid=award-mark]")!.GetAttribute("title"));
        // Cái Khế now leads the live board, yet the decision stands.
        Assert.Null(caiKhe.QuerySelector("[data-testid=award-mark]"));
    }

    [Fact]
    public async Task AfterTheDecision_TheBoardMarksTheFixedList_WithTheDecisionInItsTitle_AndALineAboveTheTable()
    {
        await DecidedAsync();
        Navigation.NavigateTo("/bang-xep-hang/phuong?nhom=tu-1500-duoi-3500");

        var board = RenderPage<Pages.Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));

        board.WaitForAssertion(() => Assert.Contains(DecisionWords, board.Find("[data-testid=award-decision]").TextContent));
        // The figure after the decision moved the board: Cái Khế is first now.
        Assert.Equal("p-cai-khe", board.FindAll("tr[data-unit]")[0].GetAttribute("data-unit"));
        var mark = board.Find("tr[data-unit='p-an-hoa'] [data-testid=award-mark]");
        Assert.Equal("★ được tặng Bằng khen", mark.TextContent);
        Assert.Equal($"Được tặng Bằng khen theo {DecisionWords} (người ký: Trần Việt Trường).", mark.GetAttribute("title"));
        Assert.Empty(board.FindAll("tr[data-unit='p-cai-khe'] [data-testid=award-mark]"));
        // The live award boundary no longer applies to a decided list.
        Assert.Empty(board.FindAll("[data-testid=award-line]"));
    }

    [Fact]
    public async Task AfterTheDecision_ThePresenterAwardSlideShowsTheFixedList_AndTheDecision()
    {
        await DecidedAsync();
        Navigation.NavigateTo("/trinh-chieu?trang=khen-thuong");

        var show = RenderPage<ThiDua.Dashboard.Components.Presenter.Presenter>(_ => { });

        show.WaitForAssertion(() => Assert.Contains(DecisionWords, show.Find("[data-testid=presenter-award-decision]").TextContent));
        Assert.Equal("Khen thưởng — Bằng khen của Chủ tịch UBND thành phố", show.Find(".thidua-stage-title").TextContent.Trim());
        var units = show.FindAll("[data-testid=presenter-award-unit]").Select(u => u.TextContent).ToList();
        Assert.Contains(units, u => u.Contains("Phường An Hòa", StringComparison.Ordinal));
        Assert.DoesNotContain(units, u => u.Contains("Phường Cái Khế", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterTheDecision_TheAwardPrintViewPrintsTheFixedList_AndTheDecision()
    {
        await DecidedAsync();
        Navigation.NavigateTo("/khen-thuong/in");

        var print = Render<ThiDua.Dashboard.Components.Print.AwardsPrint>();

        print.WaitForAssertion(() => Assert.Contains(DecisionWords, print.Find("[data-testid=print-decision]").TextContent));
        var table = print.Find("[data-testid=print-awards]").TextContent;
        Assert.Contains("Phường An Hòa", table);
        Assert.DoesNotContain("Phường Cái Khế", table);
        // The fixed list is as of the date it was fixed.
        Assert.Contains("Số liệu tính đến ngày 14/12/2024", print.Find("[data-testid=print-asof]").TextContent);
    }

    [Fact]
    public async Task BoardOpenDuringTheDecision_NamesItWithoutAReload()
    {
        await ReadyAsync();
        await StepAsync(ProposalActions.Select, Roles.Committee);
        await StepAsync(ProposalActions.Appraise, Roles.Appraiser);
        Navigation.NavigateTo("/bang-xep-hang/phuong?nhom=tu-1500-duoi-3500");
        var board = RenderPage<Pages.Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));
        board.WaitForAssertion(() => Assert.Contains("đã được chốt theo số liệu ngày 14/12/2024", board.Find("[data-testid=award-decision]").TextContent));
        Assert.Equal("★ trong danh sách đề nghị", board.Find("tr[data-unit='p-an-hoa'] [data-testid=award-mark]").TextContent);

        await StepAsync(ProposalActions.Decide, decision: new DecisionDto("125/QĐ-UBND", new DateOnly(2025, 1, 20), "Trần Việt Trường"));

        board.WaitForAssertion(() => Assert.Contains(DecisionWords, board.Find("[data-testid=award-decision]").TextContent));
        Assert.Equal("★ được tặng Bằng khen", board.Find("tr[data-unit='p-an-hoa'] [data-testid=award-mark]").TextContent);
    }

    [Fact]
    public async Task AddIndividual_WithoutTheDutyThePlanRequires_IsRefused()
    {
        await ReadyAsync();
        var errors = (await Services.GetRequiredService<ThiDua.Dashboard.Awards.AwardBook>()
            .AddIndividualAsync("Nguyễn Văn A", "Chuyên viên", "p-an-hoa", null, "Số hóa hồ sơ", "van-phong")).Problems;
        Assert.Contains(errors, e => e.Contains("Bộ phận Một cửa hoặc làm công tác kiểm soát thủ tục hành chính", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnceFixed_TheOfficeCannotNominateOrAddIndividualsUntilReopened()
    {
        await ReadyAsync();
        var draft = Show("van-phong", Roles.Committee);
        Assert.NotEmpty(draft.FindAll("[data-testid=individual-form]"));

        await StepAsync(ProposalActions.Select, Roles.Committee);

        draft.WaitForAssertion(() => Assert.Empty(draft.FindAll("[data-testid=individual-form]")));
        Assert.Empty(draft.FindAll("[data-testid=nominate-form]"));
        Assert.Contains("mở lại đề xuất", draft.Find("[data-testid=live-locked]").TextContent);
    }
}
