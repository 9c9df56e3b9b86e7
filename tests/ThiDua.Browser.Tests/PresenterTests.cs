using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ThiDua.Browser.Tests.Browser;
using ThiDua.Browser.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests;

/// <summary>
/// Presenter mode (/trinh-chieu, issue 5) in a real Chromium at projector size (1920×1080), against
/// the real app on a fresh SQLite file per test, with one ward group of twenty units.
/// </summary>
public sealed partial class PresenterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Group = "tu-1500-duoi-3500";
    private const string BoardSlide = "phuong/" + Group;
    private const string StagePath = "trinh-chieu?trang=" + BoardSlide;
    private const int Wards = 20;
    private const int ScreenWidth = 1920;
    private const int ScreenHeight = 1080;

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    [GeneratedRegex(@"(^|\s)thidua-stage-moved(\s|$)")]
    private static partial Regex MovedClass();

    [GeneratedRegex(@"^Số liệu tính đến \d{2}/\d{2}/\d{4}")]
    private static partial Regex AsOfText();

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}$")]
    private static partial Regex ClockText();

    [GeneratedRegex(@"rgba?\((\d+),\s*(\d+),\s*(\d+)")]
    private static partial Regex RgbColor();

    [Fact]
    public async Task Board_TwentyUnitsOnFullHdScreen_FitsWithoutScrollingWithHeaderVisible()
    {
        // Arrange
        await using var app = new AppHost();
        await SeedGroupAsync(app);
        var campaignName = await CampaignNameAsync(app);
        await using var stage = await NewStagePageAsync();
        var page = stage.Page;

        // Act
        await OpenStageAsync(page, app.Url(StagePath));

        // Assert
        var rows = Rows(page);
        await Expect(rows).ToHaveCountAsync(Wards);
        for (var i = 0; i < Wards; i++)
            await Expect(rows.Nth(i)).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight"),
            "The presenter page scrolls at 1920×1080 with twenty rows.");
        var lastRow = await rows.Nth(Wards - 1).BoundingBoxAsync() ?? throw new InvalidOperationException("The last row has no box.");
        var body = await page.Locator(".thidua-stage-body").BoundingBoxAsync() ?? throw new InvalidOperationException("The stage body has no box.");
        Assert.True(lastRow.Y + lastRow.Height <= ScreenHeight, $"The last row ends at {lastRow.Y + lastRow.Height}px, below the {ScreenHeight}px screen.");
        Assert.True(lastRow.Y + lastRow.Height <= body.Y + body.Height + 0.5,
            $"The last row ends at {lastRow.Y + lastRow.Height}px, under the footer (the board area ends at {body.Y + body.Height}px).");
        await Expect(page.Locator(".thidua-stage-campaign")).ToBeVisibleAsync();
        await Expect(page.Locator(".thidua-stage-campaign")).ToHaveTextAsync(campaignName);
        await Expect(page.Locator("[data-testid=presenter-asof]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=presenter-asof]")).ToHaveTextAsync(AsOfText());
        await Expect(page.Locator("[data-testid=presenter-clock]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=presenter-clock]")).ToHaveTextAsync(ClockText());
        Assert.Empty(stage.Errors);
    }

    [Fact]
    public async Task Board_TwentyUnitsOnFullHdScreen_FillsTheHeightWithTextOfAtLeastThreePercent()
    {
        // Arrange
        await using var app = new AppHost();
        await SeedGroupAsync(app);
        await using var stage = await NewStagePageAsync();
        var page = stage.Page;

        // Act
        await OpenStageAsync(page, app.Url(StagePath));
        await Expect(Rows(page)).ToHaveCountAsync(Wards);

        // Assert: the rows take most of the screen under the header, in text readable from the back.
        var header = await page.Locator(".thidua-stage-head").BoundingBoxAsync() ?? throw new InvalidOperationException("The header has no box.");
        var first = await Rows(page).First.BoundingBoxAsync() ?? throw new InvalidOperationException("The first row has no box.");
        var last = await Rows(page).Last.BoundingBoxAsync() ?? throw new InvalidOperationException("The last row has no box.");
        var rowsHeight = last.Y + last.Height - first.Y;
        var below = ScreenHeight - (header.Y + header.Height);
        Assert.True(rowsHeight >= 0.85 * below, $"Twenty rows take {rowsHeight:0}px of the {below:0}px under the header ({rowsHeight / below:P0}).");
        Assert.True(last.Y + last.Height <= ScreenHeight, $"The last row ends at {last.Y + last.Height}px, below the screen.");
        var fontSize = await Rows(page).First.Locator("td").Nth(2).EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(fontSize >= 0.03 * ScreenHeight, $"A row's text is {fontSize}px, under 3% of the {ScreenHeight}px screen.");
        // Every piece of a row's text (rank, movement, name, score, dossiers) is that large.
        var smallest = await page.Locator("#stage-table tbody").EvaluateAsync<double>(
            "b => Math.min(...[...b.querySelectorAll('td, td *')].map(e => parseFloat(getComputedStyle(e).fontSize)))");
        Assert.True(smallest >= 0.03 * ScreenHeight, $"Some of a row's text is {smallest}px, under 3% of the {ScreenHeight}px screen.");
        // Nothing scrolls, nothing is clipped and nothing is pushed off the screen's side.
        var overflow = await page.EvaluateAsync<bool[]>("""
            () => {
                const stage = document.querySelector('.thidua-stage');
                const table = document.getElementById('stage-table').getBoundingClientRect();
                return [
                    document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
                    stage.scrollHeight > stage.clientHeight || stage.scrollWidth > stage.clientWidth,
                    table.right > innerWidth,
                ];
            }
            """);
        Assert.Equal([false, false, false], overflow);
        Assert.Empty(stage.Errors);
    }

    [Fact]
    public async Task Header_LongCampaignName_WrapsBetweenWordsInsteadOfBeingCut()
    {
        // Arrange
        await using var app = new AppHost();
        await SeedGroupAsync(app);
        var campaignName = await CampaignNameAsync(app);
        await using var stage = await NewStagePageAsync();
        var page = stage.Page;

        // Act
        await OpenStageAsync(page, app.Url(StagePath));

        // Assert: the whole name is there and nothing of it is hidden: no ellipsis, no clipping,
        // and every line break falls between two words.
        var title = page.Locator(".thidua-stage-campaign");
        await Expect(title).ToHaveTextAsync(campaignName);
        var shape = JsonSerializer.Deserialize<TitleShape>(await title.EvaluateAsync<string>("""
            e => {
                const style = getComputedStyle(e);
                const text = e.lastChild;
                const range = document.createRange();
                const cuts = [];
                let top = null;
                for (let i = 0; i < text.length; i++) {
                    range.setStart(text, i); range.setEnd(text, i + 1);
                    const box = range.getBoundingClientRect();
                    if (box.width === 0) continue;
                    if (top !== null && box.top > top + 2) cuts.push(text.data.slice(i - 1, i + 1));
                    top = box.top;
                }
                return JSON.stringify({
                    hidden: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1,
                    ellipsis: style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap',
                    cuts,
                });
            }
            """), JsonSerializerOptions.Web) ?? throw new InvalidOperationException("The title's shape was not measured.");
        Assert.False(shape.Hidden, "Part of the campaign name is hidden.");
        Assert.False(shape.Ellipsis, "The campaign name is cut with an ellipsis.");
        Assert.All(shape.Cuts, cut => Assert.True(char.IsWhiteSpace(cut[0]) || char.IsWhiteSpace(cut[1]), $"The campaign name breaks mid-word at “{cut}”."));
        Assert.Empty(stage.Errors);
    }

    [Theory]
    [InlineData("Đóng")]
    [InlineData("Áp dụng")]
    public async Task Settings_Closed_KeysWorkAgainWithoutAClick(string button)
    {
        // Arrange
        await using var app = new AppHost();
        await SeedGroupAsync(app);
        await using var stage = await NewStagePageAsync();
        var page = stage.Page;
        await OpenStageAsync(page, app.Url($"trinh-chieu?trang={BoardSlide},khen-thuong&giay=600"));
        var presenter = page.Locator("[data-testid=presenter]");
        await page.Locator("[data-testid=presenter-settings-button]").ClickAsync();
        await Expect(page.Locator("[data-testid=presenter-settings]")).ToBeVisibleAsync();

        // Act: close the panel, then press a key on the keyboard, with no click on the stage.
        await page.Locator("[data-testid=presenter-settings]").GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.Locator("[data-testid=presenter-settings]")).ToHaveCountAsync(0);
        await Expect(presenter).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");

        // Assert
        await Expect(presenter).ToHaveAttributeAsync("data-slide", "khen-thuong");
        Assert.Empty(stage.Errors);
    }

    [Fact]
    public async Task Board_FigureMovesBottomUnitToTop_ReordersWithinTwoSecondsAndHighlightsMovedRows()
    {
        // Arrange
        await using var app = new AppHost();
        var wards = await SeedGroupAsync(app);
        var bottom = wards[0];
        var top = wards[^1];
        await using var stage = await NewStagePageAsync();
        var page = stage.Page;
        await OpenStageAsync(page, app.Url(StagePath));
        var rows = Rows(page);
        await Expect(rows.First).ToHaveAttributeAsync("data-unit", top);
        await Expect(rows.Last).ToHaveAttributeAsync("data-unit", bottom);
        await Expect(Row(page, bottom)).ToHaveAttributeAsync("data-rank", Wards.ToString(CultureInfo.InvariantCulture));
        await Expect(Row(page, bottom)).Not.ToHaveClassAsync(MovedClass());
        // The FLIP animation sets a translateY transform on a moved row and takes it off at once
        // (the transition does the rest): the style attribute's old value records it.
        await page.EvaluateAsync("""
            () => {
                window.__flipped = [];
                new MutationObserver(records => {
                    for (const record of records)
                        if ((record.oldValue || '').includes('translateY')) window.__flipped.push(record.target.dataset.unit);
                }).observe(document.getElementById('stage-table'), { subtree: true, attributes: true, attributeFilter: ['style'], attributeOldValue: true });
            }
            """);

        // Act
        await app.PostFiguresAsync(AppHost.Rate(bottom, "c", 7_900, 10_000));

        // Assert
        await Expect(rows.First).ToHaveAttributeAsync("data-unit", bottom, new() { Timeout = 2000 });
        await Expect(Row(page, bottom)).ToHaveAttributeAsync("data-rank", "1", new() { Timeout = 2000 });
        await Expect(Row(page, top)).ToHaveAttributeAsync("data-rank", "2", new() { Timeout = 2000 });
        await Expect(Row(page, bottom)).ToHaveClassAsync(MovedClass(), new() { Timeout = 2000 });
        await Expect(Row(page, top)).ToHaveClassAsync(MovedClass(), new() { Timeout = 2000 });
        await page.WaitForFunctionAsync("unit => window.__flipped.includes(unit)", bottom, new() { Timeout = 2000 });
        await Expect(rows).ToHaveCountAsync(Wards);
        // The highlight lasts about five seconds, then the rows look ordinary again.
        await Expect(Row(page, bottom)).Not.ToHaveClassAsync(MovedClass(), new() { Timeout = 9000 });
        Assert.Empty(stage.Errors);
    }

    [Theory]
    [InlineData("presenter-light", "", false)]
    [InlineData("presenter-dark", "&giaodien=toi", true)]
    public async Task Theme_OpenedOnStage_SavesScreenshotWithMatchingBackground(string name, string themeQuery, bool dark)
    {
        // Arrange
        await using var app = new AppHost();
        await SeedGroupAsync(app);
        await using var stage = await NewStagePageAsync();
        var page = stage.Page;

        // Act
        await OpenStageAsync(page, app.Url(StagePath + themeQuery));
        await Expect(Rows(page)).ToHaveCountAsync(Wards);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Directory.CreateDirectory(ScreenshotFolder);
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });

        // Assert
        var background = await page.Locator("[data-testid=presenter]").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var luminance = Luminance(background);
        if (dark) Assert.True(luminance < 0.2, $"The dark stage's background {background} has luminance {luminance:0.00}.");
        else Assert.True(luminance > 0.8, $"The light stage's background {background} has luminance {luminance:0.00}.");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(stage.Errors);
        Assert.True(new FileInfo(file).Length > 0, $"Screenshot {file} is empty.");
    }

    [Fact]
    public async Task Keys_ArrowRightSpaceEscapeOnStage_ChangeSlidePauseAndLeave()
    {
        // Arrange: two slides, and an interval long enough that the rotation never interferes.
        await using var app = new AppHost();
        await SeedGroupAsync(app);
        await using var stage = await NewStagePageAsync();
        var page = stage.Page;
        await OpenStageAsync(page, app.Url($"trinh-chieu?trang={BoardSlide},khen-thuong&giay=600"));
        var presenter = page.Locator("[data-testid=presenter]");
        var footer = page.Locator(".thidua-stage-foot");
        await Expect(presenter).ToHaveAttributeAsync("data-slide", BoardSlide);
        await Expect(footer).Not.ToContainTextAsync("ĐANG TẠM DỪNG");

        // Act and assert: each key in turn.
        await presenter.PressAsync("ArrowRight");
        await Expect(presenter).ToHaveAttributeAsync("data-slide", "khen-thuong");
        await Expect(page.Locator("[data-testid=presenter-awards]")).ToBeVisibleAsync();

        await presenter.PressAsync("Space");
        await Expect(footer).ToContainTextAsync("ĐANG TẠM DỪNG");

        await presenter.PressAsync("Escape");
        await Expect(page).ToHaveURLAsync(app.Url(""));
        await Expect(page.Locator(".thidua-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(presenter).ToHaveCountAsync(0);
        Assert.Empty(stage.Errors);
    }

    /// <summary>
    /// Twenty active wards of one group (1,500–3,499 dossiers), with distinct scores 50,00 … 73,75;
    /// returned from the lowest score (rank 20) to the highest (rank 1).
    /// </summary>
    private static async Task<IReadOnlyList<string>> SeedGroupAsync(AppHost app)
    {
        using var reader = new HttpClient { BaseAddress = app.BaseAddress };
        var units = await reader.GetFromJsonAsync<List<UnitRow>>("api/v1/units", JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("GET /api/v1/units answered nothing.");
        var wards = units.Where(u => u.Block == "phuong" && u.ActiveTo is null).Select(u => u.Code).Take(Wards).ToList();
        Assert.True(wards.Count == Wards, $"The seed has only {wards.Count} active wards; the test needs {Wards}.");
        await app.PostFiguresAsync([.. wards.SelectMany((unit, i) => Figures.OnlyContentC(unit, 4_000 + 100 * i, 1_500 + 50 * i))]);
        return wards;
    }

    private static async Task<string> CampaignNameAsync(AppHost app)
    {
        using var reader = new HttpClient { BaseAddress = app.BaseAddress };
        using var campaign = JsonDocument.Parse(await reader.GetStringAsync("api/v1/campaign"));
        return campaign.RootElement.GetProperty("name").GetString() ?? throw new InvalidOperationException("The campaign has no name.");
    }

    /// <summary>A page the size of a full-HD projector, in its own context.</summary>
    private async Task<BrowserPage> NewStagePageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = ScreenWidth, Height = ScreenHeight },
            Locale = "vi-VN",
        });
        return await BrowserPage.CreateAsync(context);
    }

    /// <summary>The presenter has its own layout: wait for its root to say the circuit is live.</summary>
    private static async Task OpenStageAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Expect(page.Locator(".thidua-presenter-root[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=presenter]")).ToBeFocusedAsync();
    }

    private static ILocator Rows(IPage page) => page.Locator("[data-testid=presenter-board] tbody tr[data-unit]");

    private static ILocator Row(IPage page, string unit) => page.Locator($"[data-testid=presenter-board] tr[data-unit='{unit}']");

    /// <summary>Relative luminance (0 black … 1 white) of a computed CSS colour such as "rgb(18, 18, 18)".</summary>
    private static double Luminance(string cssColor)
    {
        var match = RgbColor().Match(cssColor);
        Assert.True(match.Success, $"Not an rgb() colour: {cssColor}");
        static double Linear(string channel)
        {
            var c = int.Parse(channel, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Linear(match.Groups[1].Value) + 0.7152 * Linear(match.Groups[2].Value) + 0.0722 * Linear(match.Groups[3].Value);
    }

    private sealed record UnitRow(string Code, string Block, DateOnly? ActiveTo);

    private sealed record TitleShape(bool Hidden, bool Ellipsis, string[] Cuts);
}
