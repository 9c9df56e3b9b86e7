using Bunit;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>"Đơn vị của tôi" on the overview: the unit this browser chose on a board has its card first.</summary>
public sealed class HomeMyUnitTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    /// <summary>The overview's cards in page order: the own unit's, then each block's.</summary>
    private static string[] Cards(IRenderedComponent<Home> page) =>
        [.. page.FindAll("[data-testid=my-unit-card], [data-testid^=block-]").Select(c => c.GetAttribute("data-testid")!)];

    [Fact]
    public async Task Home_MyUnitChosen_ItsCardComesFirstWithPlaceAndScore()
    {
        // Arrange: three wards in the 1,500–3,500 group; Cái Khế, the browser's own unit, stands second.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 82, 100),      // 12,82
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 40, 100),    // 6,41
            Dossiers("p-hung-loi", Recent, 2000), Rate("p-hung-loi", "c", Recent, 20, 100)); // 3,21
        JSInterop.Setup<string?>("thidua.getMyUnit").SetResult("p-cai-khe");

        // Act
        var page = RenderPage<Home>(_ => { });

        // Assert
        page.WaitForAssertion(() => Assert.Equal("my-unit-card", Cards(page)[0]), TimeSpan.FromSeconds(5));
        var card = page.Find("[data-testid=my-unit-card]");
        Assert.Equal("p-cai-khe", card.GetAttribute("data-unit"));
        Assert.Contains("Đơn vị của tôi", Text(card));
        Assert.Contains("Phường Cái Khế", Text(card));
        Assert.Contains("Từ 1.500 đến dưới 3.500 hồ sơ giải quyết", Text(card));
        Assert.Equal("Hạng 2/3", Text(card.QuerySelector("[data-testid=my-unit-rank]")!));
        Assert.Equal("6,41", Text(card.QuerySelector("[data-testid=my-unit-score]")!));
        Assert.NotNull(card.QuerySelector("a[href='/don-vi/p-cai-khe']"));
        Assert.Equal(["my-unit-card", "block-so-nganh", "block-quan-huyen", "block-phuong", "block-xa"], Cards(page));
    }

    [Fact]
    public async Task Home_MyUnitWithoutAnyFigure_SaysNoDataInsteadOfARank()
    {
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 82, 100));
        JSInterop.Setup<string?>("thidua.getMyUnit").SetResult("p-thoi-an-dong");

        var page = RenderPage<Home>(_ => { });

        page.WaitForAssertion(() => Assert.Equal("my-unit-card", Cards(page)[0]), TimeSpan.FromSeconds(5));
        var card = page.Find("[data-testid=my-unit-card]");
        Assert.Contains("Phường Thới An Đông", Text(card));
        Assert.Equal("Chưa có số liệu", Text(card.QuerySelector("[data-testid=my-unit-rank]")!));
        Assert.Null(card.QuerySelector("[data-testid=my-unit-score]"));
    }

    [Fact]
    public void Home_NoUnitChosen_StartsWithTheBlocks()
    {
        JSInterop.Setup<string?>("thidua.getMyUnit").SetResult(null);

        var page = RenderPage<Home>(_ => { });

        Assert.Equal("block-so-nganh", Cards(page)[0]);
        Assert.Empty(page.FindAll("[data-testid=my-unit-card]"));
    }
}
