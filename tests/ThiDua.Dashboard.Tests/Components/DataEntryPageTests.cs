using System.Security.Claims;
using Bunit;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class DataEntryPageTests : PageTestContext
{
    private IRenderedComponent<DataEntry> ShowSignedIn()
    {
        Authorization.SetAuthorized("can-bo-nhap-lieu").SetRoles("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        Navigation.NavigateTo("/nhap-lieu");
        return RenderPage<DataEntry>(_ => { });
    }

    private static async Task ChooseUnitAsync(IRenderedComponent<DataEntry> page, string code)
    {
        var select = page.FindComponents<MudSelect<string>>().First();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(code));
    }

    private static async Task TypeAsync(IRenderedComponent<DataEntry> page, string indicator, long? numerator, long? denominator)
    {
        var fields = page.FindComponents<MudNumericField<long?>>();
        var numeratorField = fields.Single(f => f.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string)id! == $"num-{indicator}");
        await page.InvokeAsync(() => numeratorField.Instance.ValueChanged.InvokeAsync(numerator));
        if (denominator is null) return;
        var denominatorField = page.FindComponents<MudNumericField<long?>>().Single(f => f.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string)id! == $"den-{indicator}");
        await page.InvokeAsync(() => denominatorField.Instance.ValueChanged.InvokeAsync(denominator));
    }

    [Fact]
    public void DataEntry_NoUnitChosen_ExplainsWhatToDo()
    {
        var page = ShowSignedIn();

        Assert.Contains("Chọn đơn vị để nhập số liệu", page.Find("[data-testid=entry-empty]").TextContent);
    }

    [Fact]
    public async Task DataEntry_Typing_ShowsRateAndPointsBeforeSaving()
    {
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-an-hoa");

        await TypeAsync(page, "c", 66, 100);

        Assert.Equal("66,00%", page.Find("[data-testid=rate-c]").TextContent.Trim());
        Assert.Equal("8,25 / 10", page.Find("[data-testid=points-c]").TextContent.Trim()); // 10 × 0,66 ÷ 0,8
        Assert.Equal(0, await Services.GetRequiredService<FigureRepository>().CountAsync());
    }

    [Fact]
    public async Task DataEntry_Save_StoresThroughTheIngestionPathAndTheBoardMoves()
    {
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-an-hoa");
        await TypeAsync(page, "c", 66, 100);
        await TypeAsync(page, "dossiers", 2400, null);

        await page.Find("[data-testid=entry-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Đã lưu 2 số liệu của Phường An Hòa", page.Find("[data-testid=entry-message]").TextContent));
        var stored = await Services.GetRequiredService<FigureRepository>().ReadForUnitAsync("p-an-hoa");
        Assert.All(stored, f => Assert.Equal("form", f.Source));
        Assert.Equal(2, stored.Count);
        Assert.Equal("tu-1500-duoi-3500", Host.Engine.Current().Find("p-an-hoa")!.Value.Board.Key.Group);
    }

    [Fact]
    public async Task DataEntry_AuditEntryCannotBeWritten_SaysSoInVietnameseAndStoresNothing()
    {
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-an-hoa");
        await TypeAsync(page, "c", 66, 100);
        await using (var connection = await Services.GetRequiredService<SqliteDatabase>().OpenAsync())
            await connection.ExecuteAsync("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;");

        await page.Find("[data-testid=entry-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("không ghi được vào nhật ký thay đổi", page.Find("[data-testid=entry-message]").TextContent));
        Assert.Equal(0, await Services.GetRequiredService<FigureRepository>().CountAsync());
    }

    [Fact]
    public async Task DataEntry_NumeratorAboveDenominator_ShowsTheApiMessageAndStoresNothing()
    {
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-an-hoa");
        await TypeAsync(page, "c", 150, 100);

        await page.Find("[data-testid=entry-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Tử số (150) lớn hơn mẫu số (100).", page.Markup));
        Assert.Contains("chưa lưu gì", page.Find("[data-testid=entry-message]").TextContent);
        Assert.Equal(0, await Services.GetRequiredService<FigureRepository>().CountAsync());
    }
}
