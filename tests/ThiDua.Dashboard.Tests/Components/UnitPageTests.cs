using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class UnitPageTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private IRenderedComponent<UnitPage> RenderUnit(string code) =>
        RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, code));

    private static AngleSharp.Dom.IElement BreakdownRow(IRenderedComponent<UnitPage> page, string letter) =>
        page.FindAll("[data-testid=breakdown] tbody tr").Single(r => r.QuerySelector("td b")!.TextContent == letter);

    [Fact]
    public void UnitPage_NoData_ShowsNoDataStatesAndNoFigures()
    {
        // Arrange: nothing reported.

        // Act
        var page = RenderUnit("p-an-hoa");

        // Assert
        Assert.Contains("Phường An Hòa", page.Find("h1").TextContent);
        Assert.Equal("0,00", page.Find("[data-testid=unit-score]").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=no-figures]"));
        var rows = page.FindAll("[data-testid=breakdown] tbody tr");
        Assert.Equal(9, rows.Count);
        Assert.Equal(9, rows.Count(r => r.TextContent.Contains("Chưa có số liệu")));
        Assert.Contains("chưa xếp nhóm", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=figure-history]"));
        Assert.Contains("chưa báo cáo số liệu nào đến ngày 14/12/2024", page.Find("[data-testid=no-report]").TextContent);
        Assert.Contains("Chưa có số liệu", page.FindAll("[data-testid=target-card]")[0].TextContent);
    }

    [Fact]
    public async Task UnitPage_Data_ShowsBreakdownAndWhatItTakesInCounts()
    {
        // Arrange: An Hòa c 50% (6,25 of 10) + d 82% (4,92 of 6) = 11,17 / 78 = 14,32;
        // Cái Khế c 82% (10) + d 70% (4,2) = 14,2 / 78 = 18,21 stands above it.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 50, 100), Rate("p-an-hoa", "d", Recent, 82, 100),
            Dossiers("p-cai-khe", Recent, 4000), Rate("p-cai-khe", "c", Recent, 82, 100), Rate("p-cai-khe", "d", Recent, 70, 100));

        // Act
        var page = RenderUnit("p-an-hoa");

        // Assert
        Assert.Equal("14,32", page.Find("[data-testid=unit-score]").TextContent.Trim());
        Assert.Equal("Hạng 2/2", page.Find("[data-testid=unit-rank]").TextContent.Trim());
        var d = Text(BreakdownRow(page, "d"));
        Assert.Contains("82 / 100", d);
        Assert.Contains("82,00%", d);
        Assert.Contains("4,92 / 6", d);
        Assert.Contains("100,00%", d); // full credit at 100%
        var c = Text(BreakdownRow(page, "c"));
        Assert.Contains("50,00%", c);
        Assert.Contains("6,25 / 10", c);
        Assert.Contains("Số liệu ngày 10/12/2024", c);
        // c at 75 of 100 gives (9,375 + 4,92) / 78 = 18,33 > 18,21; 74 gives 18,17.
        var passAbove = page.FindAll("[data-testid=target-card]")[0].TextContent;
        Assert.Contains("Phường Cái Khế", passAbove);
        Assert.Contains("18,21", passAbove);
        Assert.Contains("số hóa thêm 25 hồ sơ", passAbove);
        Assert.Equal(3, page.FindAll("[data-testid=figure-history] tbody tr").Count);
        Assert.Empty(page.FindAll("[data-testid=no-figures]"));
    }

    [Fact]
    public async Task UnitPage_FigureSubmitted_RerendersWithNewScore()
    {
        // Arrange
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 40, 100));
        var page = RenderUnit("p-an-hoa");
        Assert.Equal("6,41", page.Find("[data-testid=unit-score]").TextContent.Trim());

        // Act
        await SubmitAsync(Rate("p-an-hoa", "c", Recent, 82, 100));

        // Assert
        page.WaitForAssertion(() => Assert.Equal("12,82", page.Find("[data-testid=unit-score]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=figure-history] tbody tr").Count), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task UnitPage_WardReportsContentE_ItsPointsCount()
    {
        // Arrange: the plan lists content e for every participant, wards included: 5 of 10 published
        // on time at full credit 100% earns 5 of 10 points, and the score is 100 × 5 / 78 = 6,41.
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "e", Recent, 5, 10));

        // Act
        var page = RenderUnit("p-an-hoa");

        // Assert
        var e = Text(BreakdownRow(page, "e"));
        Assert.Contains("Công bố, công khai thủ tục hành chính đúng hạn", e);
        Assert.Contains("5 / 10", e);
        Assert.Contains("5,00 / 10", e);
        Assert.DoesNotContain("Không áp dụng", e);
        Assert.Equal("6,41", page.Find("[data-testid=unit-score]").TextContent.Trim());
    }

    [Fact]
    public void UnitPage_Formula_SaysThePlanGivesNoPointsAndShowsTheCampaignsScale()
    {
        // Act
        var page = RenderUnit("p-an-hoa");

        // Assert
        var formula = Text(page.Find("[data-testid=formula]"));
        Assert.Contains("Kế hoạch chỉ nêu 9 nội dung thi đua, không quy định thang điểm", formula);
        Assert.Contains("là thiết lập của đợt thi đua do đơn vị tổ chức quy định", formula);
        Assert.Contains("a: tối đa 12 điểm, đạt tối đa khi tỷ lệ từ 50%", formula);
        Assert.Contains("e: tối đa 10 điểm, đạt tối đa khi tỷ lệ từ 100%", formula);
        Assert.Contains("i: tối đa 6 điểm, đạt tối đa khi tỷ lệ từ 90%", formula);
    }

    [Fact]
    public void UnitPage_ThoiBinh_ListsTheWardsMergedIntoItAndHowTheirFiguresCount()
    {
        // Act
        var page = RenderUnit("p-thoi-binh");

        // Assert
        var merger = Text(page.Find("[data-testid=merger]"));
        Assert.Contains("Phường An Cư, Phường An Nghiệp và Phường An Phú sáp nhập vào Phường Thới Bình từ ngày 01/11/2024", merger);
        Assert.Contains("không còn trên bảng xếp hạng", merger);
        Assert.Contains("vẫn được tính khi xem bảng ở những ngày trước", merger);
        Assert.Contains("không cộng vào số liệu hay điểm của đơn vị nhận sáp nhập", merger);
    }

    [Fact]
    public void UnitPage_UnitWithoutMerger_HasNoMergerNote()
    {
        // Act
        var page = RenderUnit("p-an-hoa");

        // Assert
        Assert.Empty(page.FindAll("[data-testid=merger]"));
    }

    [Fact]
    public async Task UnitPage_AwardLineNeedsSeveralContents_ShowsOneCombinedPlan()
    {
        // Arrange: only An Hòa is registered, so its c 90% (10) + d 100% (6) = 16 / 78 = 20,51 is the award
        // line. Cái Khế: c 40% (5), b 0/100, d 0/10. b tops out at 10 (→ 15), d at 6 (→ 11), c at 10, so no
        // content alone beats 16 points. d gives 0,6 a dossier, b 0,125: all 10 of d, then 41 of b → 16,125.
        await Services.GetRequiredService<FigureIngestion>().SetRegistrationAsync("p-an-hoa", new DateOnly(2024, 4, 1), "form", "test");
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 90, 100), Rate("p-an-hoa", "d", Recent, 10, 10),
            Dossiers("p-cai-khe", Recent, 4000), Rate("p-cai-khe", "c", Recent, 40, 100),
            Rate("p-cai-khe", "b", Recent, 0, 100), Rate("p-cai-khe", "d", Recent, 0, 10));

        // Act
        var page = RenderUnit("p-cai-khe");

        // Assert
        var awardLine = Text(page.FindAll("[data-testid=target-card]")[1]);
        Assert.Contains("Phường An Hòa", awardLine);
        Assert.DoesNotContain("chỉ nội dung này thì không đủ", awardLine);
        Assert.Equal("Cần cùng lúc: b thêm 41 hồ sơ thanh toán trực tuyến, d cấp thêm 10 kết quả giải quyết điện tử. Đây là cách cần ít hồ sơ nhất (tổng 51).",
            Text(page.Find("[data-testid=combined-plan]")));
    }

    [Fact]
    public async Task UnitPage_ContentAlreadyAtItsMaximum_SaysSoInWhatItTakes()
    {
        // Arrange: An Hòa c 50% (6,25) + d 100% (6, its maximum) = 12,25 / 78 = 15,71 under
        // Cái Khế's c 82% (10) + d 70% (4,2) = 14,2 / 78 = 18,21. More on d cannot add a point.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 4000), Rate("p-an-hoa", "c", Recent, 50, 100), Rate("p-an-hoa", "d", Recent, 100, 100),
            Dossiers("p-cai-khe", Recent, 4000), Rate("p-cai-khe", "c", Recent, 82, 100), Rate("p-cai-khe", "d", Recent, 70, 100));

        // Act
        var page = RenderUnit("p-an-hoa");

        // Assert
        var passAbove = Text(page.FindAll("[data-testid=target-card]")[0]);
        Assert.Contains("Phường Cái Khế", passAbove);
        Assert.Contains("d: đã đạt điểm tối đa", passAbove);
        Assert.DoesNotContain("chỉ nội dung này thì không đủ", passAbove);
    }

    [Fact]
    public void UnitPage_UnknownUnit_ShowsWarning()
    {
        // Arrange, Act
        var page = RenderUnit("khong-co");

        // Assert
        Assert.Contains("Không có đơn vị mã “khong-co”", page.Find("[data-testid=unknown-unit]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=breakdown]"));
    }

    [Fact]
    public void UnitPage_MergedUnitAfterMerger_ShowsInactiveAndWhereItWent()
    {
        // Arrange: An Cư was merged into Thới Bình from 01/11/2024; the page shows 14/12/2024.

        // Act
        var page = RenderUnit("p-an-cu");

        // Assert
        Assert.Contains("không hoạt động vào ngày 14/12/2024", page.Find("[data-testid=inactive]").TextContent);
        var merger = page.FindAll("span").Single(s => s.TextContent.Contains("Đã sáp nhập"));
        Assert.Contains("Đã sáp nhập vào Phường Thới Bình từ ngày 01/11/2024", Text(merger));
        Assert.Equal("/don-vi/p-thoi-binh", merger.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=unit-score]"));
    }

    [Fact]
    public void UnitPage_MergedUnitBeforeMerger_IsOnTheBoard()
    {
        // Arrange
        Navigation.NavigateTo("/don-vi/p-an-cu?ngay=2024-06-30");

        // Act
        var page = RenderUnit("p-an-cu");

        // Assert
        Assert.Empty(page.FindAll("[data-testid=inactive]"));
        Assert.NotNull(page.Find("[data-testid=unit-score]"));
        Assert.NotNull(page.Find("[data-testid=past-note]"));
    }
}
