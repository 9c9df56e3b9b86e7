using System.Diagnostics;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using ThiDua.Dashboard.Accounts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// A wall screen opened with a read-only screen link (issue 5), anonymous reading off, in a real
/// Chromium against the real app: once an admin revokes the link, the page that is already open
/// stops showing the board within the revalidation interval (<c>ThiDua:Access:RevalidateSeconds</c>,
/// 5 s by default) without being reloaded, and its cookie signs nobody in again.
/// </summary>
public sealed class ScreenLinkRevocationTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string First = "p-an-hoa";   // 85,00
    private const string Second = "p-cai-khe"; // 75,00, then 87,45
    private const string StagePath = "trinh-chieu?giay=600&trang=phuong/tu-3500";

    /// <summary>The default interval (5 s) plus room for a slow, shared machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static readonly AccountActor Admin = new("admin", "127.0.0.1");
    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [Fact]
    public async Task OpenWallScreen_LinkRevoked_StopsShowingTheBoardWithoutReloadAndStaysSignedOut()
    {
        // Arrange: a closed site, a link, and the screen showing the board live.
        await using var app = StartApp();
        var (link, token, problem) = await app.Get<ScreenLinkService>().CreateAsync("Hội trường tầng 1", Admin);
        Assert.Null(problem);
        await app.PostFiguresAsync([.. Figures.OnlyContentC(First, 6_800, 4_000), .. Figures.OnlyContentC(Second, 6_000, 3_800)]);
        await using var screen = await browser.NewPageAsync();
        var page = screen.Page;
        await page.GotoAsync(app.Url(StagePath + "&manhinh=" + Uri.EscapeDataString(token!)));
        await Expect(page.Locator(".thidua-presenter-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        var secondScore = page.Locator($"[data-testid=presenter-board] tr[data-unit='{Second}'] td.num b");
        await Expect(secondScore).ToHaveTextAsync("75,00");
        await app.PostFiguresAsync(AppHost.Rate(Second, "c", 6_996, 10_000));
        await Expect(secondScore).ToHaveTextAsync("87,45"); // live, through the circuit
        await page.EvaluateAsync("() => { window.__beforeRevoke = 1; }");

        // Act
        Assert.True(await app.Get<ScreenLinkService>().RevokeAsync(link!.Id, Admin));
        var revoked = Stopwatch.StartNew();

        // Assert: no reload and no click by the test; the page gives the board up by itself.
        await Expect(page.Locator("[data-testid=presenter-board]")).ToHaveCountAsync(0, new() { Timeout = (float)Bound.TotalMilliseconds });
        var after = revoked.Elapsed;
        var message = page.Locator("[data-testid=access-lost]");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync("Liên kết màn hình này đã bị thu hồi.");
        await Expect(message).ToContainTextAsync("Liên hệ quản trị viên để được cấp liên kết mới.");
        await Expect(page.Locator($"[data-unit='{First}']")).ToHaveCountAsync(0);
        Assert.Equal(1, await page.EvaluateAsync<int?>("() => window.__beforeRevoke"));
        await Screenshot(page, "screen-link-revoked");
        output.WriteLine($"The open page stopped showing the board {after.TotalSeconds:0.0} s after the link was revoked.");

        // Later figures reach the circuit no more; a reload (the wall screen's own reconnect does one) is not signed in.
        await app.PostFiguresAsync(AppHost.Rate(First, "c", 7_900, 10_000));
        await page.ReloadAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dang-nhap");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AccessRegistration.CookieName);
        await page.GotoAsync(app.Url(StagePath));
        Assert.Equal("/dang-nhap", new Uri(page.Url).AbsolutePath);
        Assert.True(screen.Errors.All(e => !e.StartsWith("page error", StringComparison.Ordinal)), string.Join(Environment.NewLine, screen.Errors));
    }

    [Fact]
    public async Task OpenBoardPage_LinkRevokedWithAnonymousReadOn_GoesOnLiveAsVisitorUnderANotice()
    {
        // Arrange
        await using var app = StartApp(anonymousRead: true);
        var (link, token, problem) = await app.Get<ScreenLinkService>().CreateAsync("Phòng họp tầng 2", Admin);
        Assert.Null(problem);
        await app.PostFiguresAsync([.. Figures.OnlyContentC(First, 6_800, 4_000), .. Figures.OnlyContentC(Second, 6_000, 3_800)]);
        await using var screen = await browser.NewPageAsync();
        var page = screen.Page;
        await screen.OpenAsync(app.Url("bang-xep-hang/phuong?nhom=tu-3500&manhinh=" + Uri.EscapeDataString(token!)));
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Màn hình: Phòng họp tầng 2");
        var secondScore = page.Locator($"[data-testid=board] tr[data-unit='{Second}'] .thidua-score");
        await Expect(secondScore).ToHaveTextAsync("75,00");
        await page.EvaluateAsync("() => { window.__beforeRevoke = 1; }");
        var stage = await page.Context.NewPageAsync(); // the same browser, so the same cookie
        await stage.GotoAsync(app.Url(StagePath));
        await Expect(stage.Locator(".thidua-presenter-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });

        // Act
        Assert.True(await app.Get<ScreenLinkService>().RevokeAsync(link!.Id, Admin));

        // Assert: the notice, the visitor's sign-in link, and the board still live.
        await Expect(page.Locator("[data-testid=access-notice]")).ToContainTextAsync(
            "Liên kết màn hình này đã bị thu hồi: trang chỉ còn hiển thị số liệu công khai, như với khách.", new() { Timeout = (float)Bound.TotalMilliseconds });
        await Expect(page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=user-name]")).ToHaveCountAsync(0);
        await app.PostFiguresAsync(AppHost.Rate(Second, "c", 6_996, 10_000));
        await Expect(secondScore).ToHaveTextAsync("87,45");
        Assert.Equal(1, await page.EvaluateAsync<int?>("() => window.__beforeRevoke"));
        await Screenshot(page, "screen-link-revoked-anonymous-read");
        await Expect(stage.Locator("[data-testid=access-notice]")).ToBeVisibleAsync(new() { Timeout = (float)Bound.TotalMilliseconds });
        await Expect(stage.Locator($"[data-testid=presenter-board] tr[data-unit='{Second}'] td.num b")).ToHaveTextAsync("87,45");
        await Screenshot(stage, "screen-link-revoked-anonymous-read-presenter");
        await screen.ReloadAsync();
        await Expect(page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == AccessRegistration.CookieName);
        await SignedInApp.AssertHealthyAsync(screen);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        Assert.True(new FileInfo(file).Length > 0, $"Screenshot {file} is empty.");
    }

    /// <summary>The real app with anonymous reading off unless asked.</summary>
    private static AppHost StartApp(bool anonymousRead = false) =>
        new(new Dictionary<string, string?> { ["ThiDua:Access:AnonymousRead"] = anonymousRead ? "true" : "false" });
}
