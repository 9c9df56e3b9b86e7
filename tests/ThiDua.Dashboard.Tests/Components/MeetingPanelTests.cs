using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Awards;
using Pages = ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>The "Biên bản họp xét" section of /khen-thuong: the City Office's form, everyone else's view.</summary>
public sealed class MeetingPanelTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private FigureIngestion Ingestion => Services.GetRequiredService<FigureIngestion>();
    private MeetingBook Meetings => Services.GetRequiredService<MeetingBook>();

    /// <summary>Phường An Hòa proposed (registered, NQ 02 met), with Nguyễn Văn A of it listed.</summary>
    private async Task ReadyAsync()
    {
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 50, 100));
        await Ingestion.SetRegistrationAsync("p-an-hoa", new DateOnly(2024, 4, 1), "form", "test");
        await Ingestion.SetNq02Async("p-an-hoa", Nq02Assessment.Met, null, "form", WriteActor.Trusted("van-phong"));
        Assert.Empty((await Services.GetRequiredService<AwardBook>().AddIndividualAsync("Nguyễn Văn A", "Công chức một cửa", "p-an-hoa",
            IndividualDuty.MotCua, "Tiếp nhận hồ sơ đúng hạn", "van-phong")).Problems);
    }

    private IRenderedComponent<Pages.Awards> Show(string user, string role)
    {
        Authorization.SetAuthorized(user).SetRoles(role).SetClaims(new Claim(AccountClaims.UserId, "5"));
        Navigation.NavigateTo("/khen-thuong");
        return RenderPage<Pages.Awards>(_ => { });
    }

    /// <summary>The input (or textarea) of the field marked <paramref name="testId"/>, within <paramref name="scope"/>.</summary>
    private static AngleSharp.Dom.IElement Field(AngleSharp.Dom.IElement scope, string testId)
    {
        var marked = scope.QuerySelector($"[data-testid={testId}]")!;
        return marked.LocalName is "input" or "textarea" ? marked : marked.QuerySelector("input, textarea")!;
    }

    [Fact]
    public async Task Committee_EntersTheMinutes_WithAVoteRowPerProposal_TheyAreStoredAndShown()
    {
        await ReadyAsync();
        var page = Show("van-phong", Roles.Committee);
        var panel = page.Find("[data-testid=meeting-panel]");
        Assert.Contains("Biên bản họp xét", panel.TextContent);
        // A vote row per proposed unit and individual, prefilled from the current proposal.
        Assert.Contains("Tập thể: Phường An Hòa", page.Find("[data-subject=p-an-hoa]").TextContent);
        Assert.Contains("Cá nhân: Nguyễn Văn A (Phường An Hòa)", page.Find("[data-subject='Nguyễn Văn A']").TextContent);

        // The browser's date-and-time input sends the seconds too.
        Field(page.Find("[data-testid=meeting-panel]"), "meeting-at").Change("2025-01-08T14:30:00");
        Field(page.Find("[data-testid=meeting-panel]"), "meeting-place").Change("Phòng họp số 1");
        Field(page.Find("[data-testid=meeting-panel]"), "meeting-chair").Change("Lê Văn C");
        Field(page.Find("[data-testid=meeting-panel]"), "meeting-secretary").Change("Phạm Thị D");
        Field(page.Find("[data-testid=meeting-panel]"), "meeting-attendees").Change("Lê Văn C\n\nPhạm Thị D\nTrần Văn E");
        Field(page.Find("[data-subject=p-an-hoa]"), "vote-for").Change("7");
        Field(page.Find("[data-subject=p-an-hoa]"), "vote-against").Change("1");
        Field(page.Find("[data-subject=p-an-hoa]"), "vote-abstain").Change("2");
        page.Find("[data-testid=meeting-save]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=meeting-saved]")));
        var stored = (await Meetings.CurrentAsync())!;
        Assert.Equal(new DateTime(2025, 1, 8, 14, 30, 0), stored.Minutes.At);
        Assert.Equal(("Phòng họp số 1", "Lê Văn C", "Phạm Thị D"), (stored.Minutes.Place, stored.Minutes.Chair, stored.Minutes.Secretary));
        Assert.Equal(["Lê Văn C", "Phạm Thị D", "Trần Văn E"], stored.Minutes.Attendees);
        // The individual's row was left blank: not voted on, so not recorded.
        Assert.Equal([new MeetingVote("p-an-hoa", 7, 1, 2)], stored.Minutes.Votes);
        Assert.Equal("van-phong", stored.By);
        Assert.Contains("14:30 ngày 08/01/2025", page.Find("[data-testid=meeting-view]").TextContent);
        Assert.Contains("Phòng họp số 1", page.Find("[data-testid=meeting-view]").TextContent);
    }

    [Fact]
    public async Task Committee_SavesWithoutPlaceOrSecretary_SeesTheVietnameseReasons_NothingStored()
    {
        await ReadyAsync();
        var page = Show("van-phong", Roles.Committee);

        Field(page.Find("[data-testid=meeting-panel]"), "meeting-at").Change("2025-01-08T14:30");
        Field(page.Find("[data-testid=meeting-panel]"), "meeting-chair").Change("Lê Văn C");
        Field(page.Find("[data-subject=p-an-hoa]"), "vote-for").Change("5");
        page.Find("[data-testid=meeting-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Cần ghi địa điểm họp.", page.Find("[data-testid=meeting-errors]").TextContent));
        Assert.Contains("Cần ghi thư ký cuộc họp.", page.Find("[data-testid=meeting-errors]").TextContent);
        Assert.Null(await Meetings.CurrentAsync());
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Appraiser)]
    public async Task OthersSeeTheRecordedMinutes_ReadOnly(string role)
    {
        await ReadyAsync();
        var (recorded, errors) = await Meetings.RecordAsync(new MeetingMinutesDraft("2025-01-08T14:30", "Phòng họp số 1", "Lê Văn C", "Phạm Thị D",
            ["Lê Văn C", "Trần Văn E"], [new MeetingVoteDraft("p-an-hoa", 9, 0, 1)]), "van-phong");
        Assert.Empty(errors);

        var page = Show("nguoi-xem", role);

        Assert.Empty(page.FindAll("[data-testid=meeting-form]"));
        Assert.Empty(page.FindAll("[data-testid=meeting-save]"));
        var view = page.Find("[data-testid=meeting-view]").TextContent;
        Assert.Contains("14:30 ngày 08/01/2025", view);
        Assert.Contains("Phòng họp số 1", view);
        Assert.Contains("Chủ trì: Lê Văn C", view);
        Assert.Contains("Thư ký: Phạm Thị D", view);
        Assert.Contains("Trần Văn E", view);
        var row = page.Find("[data-testid=meeting-recorded-votes] tbody tr");
        Assert.Equal(["Tập thể: Phường An Hòa", "9", "0", "1"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Anonymous_NothingRecorded_ReadsThatNoMinutesAreRecorded()
    {
        await ReadyAsync();
        Navigation.NavigateTo("/khen-thuong");
        var page = RenderPage<Pages.Awards>(_ => { });

        Assert.Empty(page.FindAll("[data-testid=meeting-form]"));
        Assert.Equal("Chưa ghi biên bản họp xét.", page.Find("[data-testid=meeting-none]").TextContent.Trim());
    }
}
