using Bunit;
using ThiDua.Dashboard.Components.Print;

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
        Assert.Equal(["Từ 3.500 hồ sơ trở lên", "Từ 1.500 đến dưới 3.500 hồ sơ", "Dưới 1.500 hồ sơ", "Chưa xếp nhóm"],
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
        Assert.Contains(rows, r => r.TextContent.Contains("Chưa có đề cử của hội đồng"));
    }
}
