using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Components.Print;
using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class PrintViewTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 6, 28);

    [Fact]
    public async Task BoardPrint_PastDate_IsA4LandscapeWithPageNumbersDateAndEveryGroup()
    {
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 82, 100));
        Navigation.NavigateTo("/bang-xep-hang/phuong/in?ngay=2024-06-30");

        var page = Render<BoardPrint>(p => p.Add(x => x.BlockCode, "phuong"));

        Assert.Contains("size: A4 landscape", page.Markup);
        Assert.Contains("counter(page)", page.Markup);
        Assert.Contains("Số liệu tính đến ngày 30/06/2024", page.Find("[data-testid=print-asof]").TextContent);
        Assert.Equal(["Từ 3.500 hồ sơ giải quyết trở lên", "Từ 1.500 đến dưới 3.500 hồ sơ giải quyết", "Dưới 1.500 hồ sơ giải quyết", "Chưa xếp nhóm"],
            page.FindAll("h2").Select(h => h.TextContent.Split(" —")[0].Trim()));
        var row = page.Find("[data-testid=print-board] tbody tr");
        Assert.Contains("Phường An Hòa", row.TextContent);
        Assert.Contains("10,00", row.TextContent);
    }

    [Fact]
    public async Task AwardsPrint_ListsEverySlotWithTiesAndPassedOverUnits()
    {
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 82, 100));
        Navigation.NavigateTo("/khen-thuong/in");

        var page = Render<AwardsPrint>();

        var rows = page.FindAll("[data-testid=print-awards] tbody tr");
        // Eight groups with slots (ten awards: the wards' largest group has two) and the committee slot, one row each when nobody is proposed.
        Assert.Equal(9, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024.") && r.TextContent.Contains("Phường An Hòa"));
        Assert.Contains(rows, r => r.TextContent.Contains("Chưa có đề cử của Văn phòng UBND thành phố"));
        Assert.Equal("Theo kế hoạch: Văn phòng UBND thành phố xét chọn → Ban Thi đua - Khen thưởng thành phố thẩm định → Chủ tịch UBND thành phố quyết định.",
            Text(page.Find("[data-testid=review-chain]")));
        Assert.DoesNotContain("hội đồng", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AwardsPrint_TwoUnitsPassedOver_ReasonsReadAsSentencesWithoutStrayPunctuation()
    {
        // Neither ward registered: both are passed over, each for a reason that is a full sentence.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 70, 100));
        Navigation.NavigateTo("/khen-thuong/in");

        var page = Render<AwardsPrint>();

        var row = Text(page.FindAll("[data-testid=print-awards] tbody tr").Single(r => r.TextContent.Contains("Phường An Hòa")));
        const string Expected = "Phường An Hòa (hạng 1): Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024. Phường Cái Khế (hạng 2): Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024.";
        Assert.True(row.Contains(Expected, StringComparison.Ordinal), row);
        Assert.DoesNotContain(".;", page.Markup);
    }

    [Theory]
    [InlineData("/bang-xep-hang/phuong/in", "/bang-xep-hang/phuong", "← Quay lại bảng xếp hạng")]
    [InlineData("/khen-thuong/in?ngay=2024-06-30", "/khen-thuong?ngay=2024-06-30", "← Quay lại trang khen thưởng")]
    public void PrintView_LinksBackAndEndsWithSignatures(string address, string back, string text)
    {
        Navigation.NavigateTo(address);

        Func<string, AngleSharp.Dom.IElement> find;
        if (address.StartsWith("/khen-thuong", StringComparison.Ordinal))
        {
            var awards = Render<AwardsPrint>();
            find = selector => awards.Find(selector);
        }
        else
        {
            var board = Render<BoardPrint>(p => p.Add(x => x.BlockCode, "phuong"));
            find = selector => board.Find(selector);
        }

        var link = find("[data-testid=print-back]");
        Assert.Equal(back, link.GetAttribute("href"));
        Assert.Equal(text, Text(link));
        Assert.Contains("thidua-noprint", find("[data-testid=print-controls]").ClassName);
        var signatures = Text(find("[data-testid=print-signatures]"));
        Assert.Contains("Người lập biểu (Ký, ghi rõ họ tên)", signatures);
        Assert.Contains("Thủ trưởng cơ quan (Ký, ghi rõ họ tên)", signatures);
    }

    [Fact]
    public async Task AwardsPrint_TieAtTheLastSlot_TheCityOfficeSelectsAndTheChairmanDecides()
    {
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 95, 100));
        var ingestion = Services.GetRequiredService<FigureIngestion>();
        await ingestion.SetRegistrationAsync("p-an-hoa", new DateOnly(2024, 4, 1), "form", "test");
        await ingestion.SetRegistrationAsync("p-cai-khe", new DateOnly(2024, 4, 1), "form", "test");
        Navigation.NavigateTo("/khen-thuong/in");

        var page = Render<AwardsPrint>();

        var tied = page.FindAll("[data-testid=print-awards] tbody tr").Single(r => r.TextContent.Contains("Phường An Hòa"));
        Assert.Contains("Đồng hạng ở suất cuối — Văn phòng UBND thành phố xét chọn, trình Chủ tịch UBND thành phố quyết định.", Text(tied));
    }

    [Fact]
    public void BoardPrint_Footnote_SaysThePlanGivesNoPointsShowsTheScaleAndTheMergedWards()
    {
        Navigation.NavigateTo("/bang-xep-hang/phuong/in");

        var page = Render<BoardPrint>(p => p.Add(x => x.BlockCode, "phuong"));

        var scale = Text(page.Find("[data-testid=point-scale]"));
        Assert.Contains("Kế hoạch chỉ nêu 9 nội dung thi đua, không quy định thang điểm", scale);
        Assert.Contains("h: tối đa 12 điểm, đạt tối đa khi tỷ lệ từ 100%", scale);
        Assert.Contains("Phường An Cư, Phường An Nghiệp và Phường An Phú sáp nhập vào Phường Thới Bình từ ngày 01/11/2024",
            Text(page.Find("[data-testid=departures]")));
    }
}
