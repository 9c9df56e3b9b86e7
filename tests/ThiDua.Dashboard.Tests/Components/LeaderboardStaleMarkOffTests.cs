using Bunit;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>The board with <c>ThiDua:Display:StaleAfterDays</c> = 0: the "chưa cập nhật" mark is off.</summary>
public sealed class LeaderboardStaleMarkOffTests() : PageTestContext(new Dictionary<string, string?> { ["ThiDua:Display:StaleAfterDays"] = "0" })
{
    [Fact]
    public async Task Leaderboard_StaleAfterDaysZero_ShowsNoMarkHoweverOldTheFigure()
    {
        // Arrange: as of 14/12/2024, Cái Khế last reported 24 days before (marked with the shipped 14).
        var old = new DateOnly(2024, 11, 20);
        await SubmitAsync(Dossiers("p-cai-khe", old, 4000), Rate("p-cai-khe", "c", old, 82, 100));

        // Act
        var page = RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, "phuong"));

        // Assert
        var row = page.Find("tr[data-unit='p-cai-khe']");
        Assert.Contains("20/11/2024", row.TextContent);
        Assert.DoesNotContain("chưa cập nhật", page.Markup);
        Assert.Empty(page.FindAll(".thidua-stale"));
    }
}
