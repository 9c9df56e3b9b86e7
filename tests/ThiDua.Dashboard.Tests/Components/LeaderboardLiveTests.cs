using Bunit;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class LeaderboardLiveTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private async Task<IRenderedComponent<Leaderboard>> RenderWardsBoardAsync()
    {
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 40, 100),     // 5 / 78 = 6,41
            Dossiers("p-cai-khe", Recent, 4000), Rate("p-cai-khe", "c", Recent, 60, 100));  // 7,5 / 78 = 9,62
        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));
        await SettleAsync(page);
        return page;
    }

    private static string Score(IRenderedComponent<Leaderboard> page, string unit) =>
        page.Find($"tr[data-unit='{unit}'] td.thidua-score").TextContent.Trim();

    [Fact]
    public async Task Leaderboard_FigureForUnitOnBoard_RerendersWithNewScoreAndRank()
    {
        // Arrange
        var page = await RenderWardsBoardAsync();
        Assert.Equal("6,41", Score(page, "p-an-hoa"));
        Assert.Equal("2", page.Find("tr[data-unit='p-an-hoa']").GetAttribute("data-rank"));

        // Act: An Hòa digitises 82 of 100 (full credit).
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 82, 100));

        // Assert
        page.WaitForAssertion(() => Assert.Equal("12,82", Score(page, "p-an-hoa")), Patience);
        Assert.Equal("1", page.Find("tr[data-unit='p-an-hoa']").GetAttribute("data-rank"));
        Assert.Equal(["p-an-hoa", "p-cai-khe"], page.FindAll("tr[data-unit]").Select(r => r.GetAttribute("data-unit")));
    }

    [Fact]
    public async Task Leaderboard_FigureForUnitOfOtherBlock_DoesNotRerender()
    {
        // Arrange
        var page = await RenderWardsBoardAsync();
        var rendersBefore = page.RenderCount;

        // Act: a commune (block "xa") reports; the wards' board is not concerned.
        await SubmitAsync(Dossiers("x-my-khanh", Recent, 1500), Rate("x-my-khanh", "c", Recent, 82, 100));
        await SettleAsync(page);
        var rendersAfterUnrelated = page.RenderCount;
        // A figure for a ward then shows the page is still listening.
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 82, 100));
        page.WaitForAssertion(() => Assert.Equal("12,82", Score(page, "p-an-hoa")), Patience);

        // Assert
        Assert.Equal(rendersBefore, rendersAfterUnrelated);
        // bUnit counts renders of the page's whole subtree, so a real update adds many.
        Assert.True(page.RenderCount > rendersAfterUnrelated, $"{page.RenderCount} renders after the ward's figure, {rendersAfterUnrelated} before");
    }

    [Fact]
    public async Task Leaderboard_Disposed_ReleasesItsSubscription()
    {
        // Arrange
        var before = PageSubscribers;
        var page = await RenderWardsBoardAsync();
        var whileShown = PageSubscribers;

        // Act
        await DisposeComponentsAsync();

        // Assert: the subscription is gone, and a later figure reaches nothing of the page.
        Assert.Equal(before + 1, whileShown);
        Assert.Equal(before, PageSubscribers);
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 82, 100));
        Assert.True(page.IsDisposed);
    }

    [Fact]
    public async Task Leaderboard_MovedToPastDate_StopsListening()
    {
        // Arrange
        var page = await RenderWardsBoardAsync();
        var whileLive = PageSubscribers;

        // Act: the reader picks a past date (the as-of bar writes ?ngay=).
        Navigation.NavigateTo("/bang-xep-hang/phuong?ngay=2024-06-30");

        // Assert
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=past-note]")), Patience);
        Assert.Equal(1, whileLive);
        Assert.Equal(0, PageSubscribers);
    }
}
