using Bunit;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class HomePageTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    [Fact]
    public void Home_NoData_RendersEveryBlockAndCityRates()
    {
        // Arrange: nothing reported.

        // Act
        var page = RenderPage<Home>(_ => { });

        // Assert
        foreach (var block in new[] { "so-nganh", "quan-huyen", "phuong", "xa" })
            Assert.NotNull(page.Find($"[data-testid=block-{block}]"));
        Assert.Contains("UBND phường", page.Find("[data-testid=block-phuong]").TextContent);
        Assert.Contains("Chưa xếp nhóm", page.Find("[data-testid=block-phuong]").TextContent);
        var rates = page.Find("[data-testid=city-rates]");
        Assert.Equal(9, rates.QuerySelectorAll(".thidua-rate").Length);
        Assert.Contains("chưa có", rates.TextContent);
        Assert.Contains("Chưa có số liệu nào", page.Find("[data-testid=feed]").TextContent);
    }

    [Fact]
    public async Task Home_FigureSubmitted_ShowsFeedLineLeaderAndCityRate()
    {
        // Arrange
        await SubmitAsync(Dossiers("p-cai-khe", Recent, 4000));
        var page = RenderPage<Home>(_ => { });
        await SettleAsync(page);

        // Act
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 82, 100));

        // Assert
        page.WaitForAssertion(
            () => Assert.Contains("Phường An Hòa cập nhật chỉ tiêu c: 82,00%", page.Find("[data-testid=feed]").TextContent),
            TimeSpan.FromSeconds(5));
        var feed = page.FindAll("[data-testid=feed] li").Select(Text).ToList();
        Assert.Equal(2, feed.Count);
        Assert.EndsWith("Phường An Hòa cập nhật chỉ tiêu c: 82,00%", feed[0]); // newest first
        Assert.EndsWith("Phường Cái Khế cập nhật số hồ sơ giải quyết: 4.000 (ngày 10/12/2024)", feed[1]);
        var rateC = page.FindAll("[data-testid=city-rates] .thidua-rate")[2];
        Assert.Contains("82,00%", rateC.TextContent);
        Assert.Contains("đạt ngưỡng", rateC.TextContent);
        Assert.Contains("Phường Cái Khế", page.Find("[data-testid=block-phuong]").TextContent);
    }

    [Fact]
    public async Task Home_PastAsOfDate_ShowsPastNoteAndLinksKeepTheDate()
    {
        // Arrange
        Navigation.NavigateTo("/?ngay=2024-06-30");

        // Act
        var page = RenderPage<Home>(_ => { });
        await SettleAsync(page);

        // Assert
        Assert.NotNull(page.Find("[data-testid=past-note]"));
        Assert.Contains(page.FindAll("[data-testid=block-phuong] a"), a => a.GetAttribute("href") == "/bang-xep-hang/phuong?ngay=2024-06-30");
        Assert.Equal(0, PageSubscribers);
    }
}
