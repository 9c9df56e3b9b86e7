using Bunit;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class LeaderboardPageTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private IRenderedComponent<Leaderboard> RenderBoard(string block = "phuong") =>
        RenderPage<Leaderboard>(p => p.Add(x => x.BlockCode, block));

    private static string[] RowUnits(IRenderedComponent<Leaderboard> page) =>
        [.. page.FindAll("tr[data-unit]").Select(r => r.GetAttribute("data-unit")!)];

    private static string Score(IRenderedComponent<Leaderboard> page, string unit) =>
        page.Find($"tr[data-unit='{unit}'] td.thidua-score").TextContent.Trim();

    [Fact]
    public void Leaderboard_NoData_GroupsAreEmptyAndEveryActiveWardIsNotGrouped()
    {
        // Arrange: nothing reported; 42 wards, 3 of them merged away on 01/11/2024.

        // Act
        var page = RenderBoard();

        // Assert: every group is empty, so the page opens on the board that has units (not grouped),
        // and the tabs count every active ward there.
        Assert.Empty(page.FindAll("[data-testid=empty-board]"));
        Assert.Equal(39, page.FindAll("tr[data-unit]").Count);
        var tabs = page.Find("[data-testid=group-tabs]").TextContent;
        Assert.Contains("Từ 3.500 hồ sơ giải quyết trở lên (0)", tabs);
        Assert.Contains("Từ 1.500 đến dưới 3.500 hồ sơ giải quyết (0)", tabs);
        Assert.Contains("Dưới 1.500 hồ sơ giải quyết (0)", tabs);
        Assert.Contains("Chưa xếp nhóm (39)", tabs);
        Assert.NotNull(page.Find("[data-testid=live-chip]"));
    }

    [Fact]
    public void Leaderboard_NotGroupedTabClicked_ListsEveryActiveWardWithoutData()
    {
        // Arrange: start on an empty group.
        Navigation.NavigateTo("/bang-xep-hang/phuong?nhom=tu-3500");
        var page = RenderBoard();
        Assert.NotNull(page.Find("[data-testid=empty-board]"));
        var notGroupedTab = page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Chưa xếp nhóm"));

        // Act: the tab click writes the board into the address (?nhom=...), which the page then reads.
        notGroupedTab.Click();

        // Assert (bUnit applies the navigation and the new query parameter synchronously). At
        // commit e94df39 this failed (0 rows, the first group's empty board): the tab wrote ?nhom=
        // and Load() matched `b.Key.Group == Nhom && Nhom is not null`, which a board whose Group
        // is null never meets.
        Assert.Contains("nhom=", Navigation.Uri);
        Assert.Equal(39, page.FindAll("tr[data-unit]").Count);
        Assert.Empty(page.FindAll("[data-testid=empty-board]"));
        Assert.Empty(page.FindAll("tr[data-unit='p-an-cu']"));
        Assert.All(page.FindAll("tr[data-unit]"), row => Assert.Contains("Chưa có số liệu", row.TextContent));
    }

    [Fact]
    public async Task Leaderboard_Data_RowsInRankOrderWithVietnameseScores()
    {
        // Arrange: three wards in the 1,500–3,500 group. Phường (all nine contents) weigh 78 points.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 82, 100),          // 10 / 78 = 12,82
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 40, 100),        // 5 / 78 = 6,41
            Dossiers("p-hung-loi", Recent, 2000), Rate("p-hung-loi", "a", Recent, 50, 100),
            Rate("p-hung-loi", "c", Recent, 82, 100));                                           // 22 / 78 = 28,21
        Navigation.NavigateTo("/bang-xep-hang/phuong?nhom=tu-1500-duoi-3500");

        // Act
        var page = RenderBoard();

        // Assert
        Assert.Equal(["p-hung-loi", "p-an-hoa", "p-cai-khe"], RowUnits(page));
        Assert.Equal(["1", "2", "3"], page.FindAll("tr[data-unit]").Select(r => r.GetAttribute("data-rank")));
        Assert.Equal("28,21", Score(page, "p-hung-loi"));
        Assert.Equal("12,82", Score(page, "p-an-hoa"));
        Assert.Equal("6,41", Score(page, "p-cai-khe"));
        Assert.Contains("Từ 1.500 đến dưới 3.500 hồ sơ giải quyết (3)", page.Find("[data-testid=group-tabs]").TextContent);
        Assert.Contains("2.000", page.Find("tr[data-unit='p-an-hoa']").TextContent);
        Assert.Contains("10/12/2024", page.Find("tr[data-unit='p-an-hoa']").TextContent);
        Assert.DoesNotContain("đồng hạng", page.Find("[data-testid=board]").TextContent);
    }

    [Fact]
    public async Task Leaderboard_Ties_EqualScoresShareRankAndAreMarked()
    {
        // Arrange: An Hòa and Cái Khế report the same; Hưng Lợi less.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 82, 100),
            Dossiers("p-cai-khe", Recent, 4000), Rate("p-cai-khe", "c", Recent, 90, 100),
            Dossiers("p-hung-loi", Recent, 4000), Rate("p-hung-loi", "c", Recent, 40, 100));

        // Act
        var page = RenderBoard();

        // Assert: 1, 1, 3, the tied pair listed by name.
        Assert.Equal(["p-an-hoa", "p-cai-khe", "p-hung-loi"], RowUnits(page));
        Assert.Equal(["1", "1", "3"], page.FindAll("tr[data-unit]").Select(r => r.GetAttribute("data-rank")));
        Assert.Equal(Score(page, "p-an-hoa"), Score(page, "p-cai-khe"));
        Assert.Contains("đồng hạng", page.Find("tr[data-unit='p-an-hoa'] td.thidua-rank").TextContent);
        Assert.Contains("đồng hạng", page.Find("tr[data-unit='p-cai-khe'] td.thidua-rank").TextContent);
        Assert.DoesNotContain("đồng hạng", page.Find("tr[data-unit='p-hung-loi'] td.thidua-rank").TextContent);
    }

    [Fact]
    public async Task Leaderboard_NotGroupedTab_ShowsUnitsWithoutDossiersAndTheExplanation()
    {
        // Arrange: An Hòa reports a content but never its dossiers, so it belongs to no group. It is
        // the browser's "my unit", which opens the board it stands on (?nhom= cannot: see the test above).
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 82, 100), Dossiers("p-cai-khe", Recent, 4000));
        JSInterop.Setup<string?>("thidua.getMyUnit").SetResult("p-an-hoa");

        // Act
        var page = RenderBoard();

        // Assert
        page.WaitForAssertion(() => Assert.Equal(38, page.FindAll("tr[data-unit]").Count), TimeSpan.FromSeconds(5));
        Assert.Contains("Chưa xếp nhóm (38)", page.Find("[data-testid=group-tabs]").TextContent);
        Assert.Equal("p-an-hoa", RowUnits(page)[0]);
        Assert.Contains("đơn vị của tôi", page.Find("tr[data-unit='p-an-hoa']").TextContent);
        Assert.Equal("12,82", Score(page, "p-an-hoa"));
        Assert.Empty(page.FindAll("tr[data-unit='p-cai-khe']"));
        Assert.Contains("“Chưa xếp nhóm”: các đơn vị chưa báo cáo số hồ sơ giải quyết", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=award-line]"));
    }

    [Fact]
    public async Task Leaderboard_UnitNotUpdatedForLong_SaysHowLongNeverLate()
    {
        // Arrange: as of 14/12/2024, Cái Khế last reported 24 days before, An Hòa 4 days before.
        var old = new DateOnly(2024, 11, 20);
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 82, 100),
            Dossiers("p-cai-khe", old, 4000), Rate("p-cai-khe", "c", old, 82, 100));

        // Act
        var page = RenderBoard();

        // Assert
        // The plan sets no reporting schedule: the mark says how long ago, and never calls a unit late.
        Assert.Contains("chưa cập nhật 24 ngày", page.Find("tr[data-unit='p-cai-khe']").TextContent);
        Assert.Contains("20/11/2024", page.Find("tr[data-unit='p-cai-khe']").TextContent);
        Assert.DoesNotContain("chưa cập nhật", page.Find("tr[data-unit='p-an-hoa']").TextContent);
        Assert.DoesNotContain("chậm", page.Markup);
    }

    [Fact]
    public async Task Leaderboard_PastAsOfDate_ShowsPastNoteAndIgnoresNewFigures()
    {
        // Arrange: a figure in June, shown as of 30/06/2024.
        var june = new DateOnly(2024, 6, 1);
        await SubmitAsync(Dossiers("p-an-hoa", june, 4000), Rate("p-an-hoa", "c", june, 82, 100));
        Navigation.NavigateTo("/bang-xep-hang/phuong?ngay=2024-06-30");
        var page = RenderBoard();
        var rendersBefore = page.RenderCount;
        var markupBefore = page.Markup;
        var pushed = new TaskCompletionSource();
        using var probe = Notifier.Subscribe(_ => { pushed.TrySetResult(); return Task.CompletedTask; });

        // Act: a figure that changes the 30/06 board for real (content a from 15/06).
        await SubmitAsync(Rate("p-an-hoa", "a", new DateOnly(2024, 6, 15), 50, 100));
        await pushed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await SettleAsync(page);

        // Assert
        Assert.Contains("Đang xem số liệu tính đến ngày 30/06/2024", page.Find("[data-testid=past-note]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=live-chip]"));
        Assert.Equal(1, PageSubscribers); // only the probe: a past page does not listen
        Assert.Equal(rendersBefore, page.RenderCount);
        Assert.Equal(markupBefore, page.Markup);
        Assert.Equal("12,82", Score(page, "p-an-hoa"));
        Assert.Equal(28.21m, Host.Engine.StandingsAsOf(new DateOnly(2024, 6, 30)).Find("p-an-hoa")!.Value.Entry.Score);
        Assert.Equal("/don-vi/p-an-hoa?ngay=2024-06-30", page.Find("tr[data-unit='p-an-hoa'] a").GetAttribute("href"));
    }

    [Fact]
    public void Leaderboard_TieRule_TheCityOfficeSelectsAndTheChairmanDecides()
    {
        // Act
        var page = RenderBoard();

        // Assert
        var rule = Text(page.Find("[data-testid=tie-rule]"));
        Assert.Contains("khi đồng hạng ở suất khen cuối, Văn phòng UBND thành phố xét chọn, trình Chủ tịch UBND thành phố quyết định.", rule);
        Assert.DoesNotContain("hội đồng", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Leaderboard_Explanation_SaysThePlanGivesNoPointsAndShowsTheCampaignsScale()
    {
        // Act
        var page = RenderBoard();

        // Assert
        var scale = Text(page.Find("[data-testid=point-scale]"));
        Assert.Contains("Kế hoạch chỉ nêu 9 nội dung thi đua, không quy định thang điểm", scale);
        Assert.Contains("là thiết lập của đợt thi đua do đơn vị tổ chức quy định", scale);
        Assert.Contains("a: tối đa 12 điểm, đạt tối đa khi tỷ lệ từ 50%; b: tối đa 10 điểm, đạt tối đa khi tỷ lệ từ 80%", scale);
        Assert.Contains("e: tối đa 10 điểm, đạt tối đa khi tỷ lệ từ 100%", scale);
    }

    [Fact]
    public void Leaderboard_WardBoard_FootnoteSaysWhichWardsLeftAndHowTheirFiguresCount()
    {
        // Act
        var wards = RenderBoard();

        // Assert
        var note = Text(wards.Find("[data-testid=departures]"));
        Assert.Contains("Phường An Cư, Phường An Nghiệp và Phường An Phú sáp nhập vào Phường Thới Bình từ ngày 01/11/2024", note);
        Assert.Contains("vẫn được tính khi xem bảng ở những ngày trước", note);
        Assert.Contains("không cộng vào số liệu hay điểm của đơn vị nhận sáp nhập", note);
    }

    [Fact]
    public void Leaderboard_BlockWhereNobodyLeft_HasNoDeparturesFootnote()
    {
        // Act
        var districts = RenderBoard("quan-huyen");

        // Assert
        Assert.Empty(districts.FindAll("[data-testid=departures]"));
    }

    [Fact]
    public void Leaderboard_UnknownBlock_ShowsWarningWithLinksToEveryBlock()
    {
        // Arrange, Act
        var page = RenderBoard("khong-co");

        // Assert
        var warning = page.Find("[data-testid=unknown-block]");
        Assert.Contains("Không có khối thi đua mã “khong-co”", warning.TextContent);
        Assert.Equal(
            ["/bang-xep-hang/so-nganh", "/bang-xep-hang/quan-huyen", "/bang-xep-hang/phuong", "/bang-xep-hang/xa"],
            warning.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-testid=board]"));
    }
}
