using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Components.Layout;
using ThiDua.Dashboard.Ingestion;
using Pages = ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>The layout and the pages hear of changes one way: the notifier, through the one base (LiveListener).</summary>
public sealed class LiveListenerTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    [Fact]
    public async Task Layout_FigureArrives_LastChangedFollowsAndTheSubscriptionEndsWithTheLayout()
    {
        // Arrange
        var before = PageSubscribers;
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(_ => { })));
        Assert.Contains("Chưa có số liệu", layout.Find("[data-testid=last-changed]").TextContent);

        // Act
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 90, 100));

        // Assert
        layout.WaitForAssertion(() => Assert.Contains("Số liệu cập nhật lúc", layout.Find("[data-testid=last-changed]").TextContent));
        Assert.Equal(before + 1, PageSubscribers);
        await DisposeComponentsAsync();
        Assert.Equal(before, PageSubscribers);
    }

    [Fact]
    public async Task Awards_AtAPastDate_StillShowsANominationMadeElsewhere()
    {
        // Arrange: decisions are not dated, so the page shows the current ones at every date
        await Services.GetRequiredService<FigureIngestion>().SetRegistrationAsync("so-tu-phap", new DateOnly(2024, 4, 1), "form", "test");
        Authorization.SetAuthorized("hoi-dong").SetRoles("committee");
        Navigation.NavigateTo("/khen-thuong?ngay=2024-06-30");
        var page = RenderPage<Pages.Awards>(_ => { });
        Assert.DoesNotContain("Tham mưu tốt", page.Markup);

        // Act
        var outcome = await Services.GetRequiredService<AwardBook>().NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Tham mưu tốt", "hoi-dong");

        // Assert
        Assert.Empty(outcome.Problems);
        page.WaitForAssertion(() => Assert.Contains("Tham mưu tốt — hoi-dong", page.Markup));
    }

    [Fact]
    public async Task Leaderboard_AtAPastDate_NeitherListensNorHearsADecision()
    {
        // Arrange
        Navigation.NavigateTo("/bang-xep-hang/phuong?ngay=2024-06-30");
        var page = RenderPage<Pages.Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));
        var renders = page.RenderCount;

        // Act
        Notifier.PublishDecisions();
        await Task.Yield();

        // Assert
        Assert.Equal(0, PageSubscribers);
        Assert.Equal(renders, page.RenderCount);
    }
}
