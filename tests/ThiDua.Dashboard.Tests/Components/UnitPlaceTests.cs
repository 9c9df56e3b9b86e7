using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>How the unit page says a place: the rank out of the board, a tie at the last slot, no data, contents that do not count.</summary>
public sealed class UnitPlaceTests : PageTestContext
{
    private static readonly DateOnly Recent = new(2024, 12, 10);

    private IRenderedComponent<UnitPage> RenderUnit(string code) =>
        RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, code));

    private async Task RegisterAsync(string unit, DateOnly date) =>
        await Services.GetRequiredService<FigureIngestion>().SetRegistrationAsync(unit, date, "form", "test");

    [Fact]
    public async Task UnitPage_RankedUnit_SaysItsRankOutOfTheBoard()
    {
        // Three wards in the same group: An Hòa last.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 10, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 50, 100),
            Dossiers("p-an-binh", Recent, 2000), Rate("p-an-binh", "c", Recent, 60, 100));

        var page = RenderUnit("p-an-hoa");

        Assert.Equal("Hạng 3/3", Text(page.Find("[data-testid=unit-rank]")));
    }

    [Fact]
    public async Task UnitPage_TiedAtTheLastSlot_SaysTheCityOfficeSelects()
    {
        // Both at full credit for c: tied first for the group's one slot.
        await SubmitAsync(
            Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "c", Recent, 90, 100),
            Dossiers("p-cai-khe", Recent, 2000), Rate("p-cai-khe", "c", Recent, 95, 100));
        await RegisterAsync("p-an-hoa", new DateOnly(2024, 4, 1));
        await RegisterAsync("p-cai-khe", new DateOnly(2024, 4, 2));

        var page = RenderUnit("p-an-hoa");

        Assert.Equal("Đồng hạng ở suất cuối — Văn phòng UBND thành phố xét chọn", Text(page.Find("[data-testid=unit-tied-last-slot]")));
        Assert.Empty(page.FindAll("[data-testid=unit-proposed]"));
        Assert.DoesNotContain("Đang được đề xuất", page.Markup);
    }

    [Fact]
    public void UnitPage_NoFigureAtAll_IsNeverFirst()
    {
        // Nothing reported anywhere: every ward stands at 0,00 on the not-grouped board.
        var page = RenderUnit("p-an-hoa");

        Assert.Equal("Chưa có số liệu", Text(page.Find("[data-testid=unit-rank]")));
        Assert.DoesNotContain("Hạng 1", page.Markup);
        Assert.DoesNotContain("Đang đứng đầu bảng", page.Markup);
        Assert.DoesNotContain("đồng hạng", page.Find("[data-testid=unit-rank]").ParentElement!.TextContent);
    }

    [Fact]
    public async Task UnitPage_NothingAroseAndNotCounted_SaysNotCounted()
    {
        await SubmitAsync(Dossiers("p-an-hoa", Recent, 2000), Rate("p-an-hoa", "a", Recent, 0, 0));

        var page = RenderUnit("p-an-hoa");

        var a = page.FindAll("[data-testid=breakdown] tbody tr").Single(r => r.QuerySelector("td b")!.TextContent == "a");
        Assert.Contains("không tính", Text(a));
        Assert.DoesNotContain("0,00 / 12", Text(a));
    }
}
