using System.Security.Claims;
using Bunit;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Microsoft.AspNetCore.Components.Forms;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class DataEntryPageTests : PageTestContext
{
    private IRenderedComponent<DataEntry> ShowSignedIn()
    {
        Authorization.SetAuthorized("can-bo-nhap-lieu").SetRoles("admin").SetClaims(new Claim(ClaimTypes.NameIdentifier, "1"));
        Navigation.NavigateTo("/nhap-lieu");
        return RenderPage<DataEntry>(_ => { });
    }

    /// <summary>An editor limited to some units, as the sign-in cookie describes one.</summary>
    private IRenderedComponent<DataEntry> ShowEditorOf(params string[] units)
    {
        Authorization.SetAuthorized("can-bo-ninh-kieu").SetRoles("editor")
            .SetClaims(new Claim(AccountClaims.UserId, "7"), new Claim(AccountClaims.Units, UnitScope.Of(units).ToJson()!));
        Navigation.NavigateTo("/nhap-lieu");
        return RenderPage<DataEntry>(_ => { });
    }

    /// <summary>What a person does: focus the picker, type part of the name, click the unit.</summary>
    private static async Task ChooseUnitAsync(IRenderedComponent<DataEntry> page, string code)
    {
        await page.Find("[data-testid=entry-unit-search]").FocusAsync(new());
        await page.Find($"[data-testid=entry-unit-option][data-code={code}]").ClickAsync(new());
    }

    private static string[] ListedCodes(IRenderedComponent<DataEntry> page) =>
        [.. page.FindAll("[data-testid=entry-unit-option]").Select(o => o.GetAttribute("data-code")!)];

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
    public async Task DataEntry_TypingWithoutAccents_ListsTheUnitAndLoadsNoForm()
    {
        var page = ShowSignedIn();
        var search = page.Find("[data-testid=entry-unit-search]");
        await search.FocusAsync(new());

        await page.Find("[data-testid=entry-unit-search]").InputAsync(new() { Value = "cai khe" });

        Assert.Equal(["p-cai-khe"], ListedCodes(page));
        Assert.Equal("Phường Cái Khế", page.Find("[data-testid=entry-unit-option]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=entry-form] table"));
        Assert.NotNull(page.Find("[data-testid=entry-empty]"));

        await page.Find("[data-testid=entry-unit-search]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        await page.Find("[data-testid=entry-unit-search]").BlurAsync(new());

        Assert.NotNull(page.Find("[data-testid=entry-empty]"));
    }

    [Fact]
    public async Task DataEntry_ArrowAndEnter_ChooseTheHighlightedUnit()
    {
        var page = ShowSignedIn();
        await page.Find("[data-testid=entry-unit-search]").FocusAsync(new());
        await page.Find("[data-testid=entry-unit-search]").InputAsync(new() { Value = "cai khe" });

        await page.Find("[data-testid=entry-unit-search]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        await page.Find("[data-testid=entry-unit-search]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.Empty(page.FindAll("[data-testid=entry-unit-list]"));
        Assert.Equal("Phường Cái Khế", page.Find("[data-testid=entry-unit-search]").GetAttribute("value"));
        Assert.NotEmpty(page.FindAll("[data-testid=num-c]"));
    }

    [Fact]
    public async Task DataEntry_EditorOfOneDistrict_SeesOnlyItsUnitsGroupedByBlockAndDistrict()
    {
        var page = ShowEditorOf("q-ninh-kieu", "p-cai-khe", "p-an-hoa");

        await page.Find("[data-testid=entry-unit-search]").FocusAsync(new());

        Assert.Equal(["q-ninh-kieu", "p-an-hoa", "p-cai-khe"], ListedCodes(page));
        var groups = page.FindAll("[data-testid=entry-unit-group]").Select(g => g.GetAttribute("aria-label")!).ToArray();
        Assert.Equal(["UBND quận, huyện", "UBND phường"], groups);
        Assert.Equal(["Ninh Kiều"], page.FindAll("[data-testid=entry-unit-district]").Select(d => d.TextContent.Trim()));
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
        await using (var connection = await Services.GetRequiredService<Database>().OpenAsync())
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

    [Fact]
    public async Task DataEntry_NumeratorAboveDenominator_ShowsTheErrorUnderTheFieldAsTyped()
    {
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-an-hoa");

        await TypeAsync(page, "c", 150, 100);

        Assert.Contains("Tử số (150) lớn hơn mẫu số (100).", page.Find("[data-testid=entry-form] table").TextContent);
        Assert.Empty(page.FindAll("[data-testid=entry-message]"));
    }

    [Fact]
    public async Task DataEntry_ErrorsFixed_TheErrorBannerGoes()
    {
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-an-hoa");
        await TypeAsync(page, "c", 150, 100);
        await page.Find("[data-testid=entry-save]").ClickAsync(new());
        Assert.Contains("chưa lưu gì", page.Find("[data-testid=entry-message]").TextContent);

        await TypeAsync(page, "c", 50, 100);

        Assert.Empty(page.FindAll("[data-testid=entry-message]"));
        Assert.DoesNotContain("lớn hơn mẫu số", page.Find("[data-testid=entry-form] table").TextContent);
    }

    [Fact]
    public async Task DataEntry_Save_SaysHowScoreAndRankMoved()
    {
        await SubmitAsync(Dossiers("p-an-hoa", CampaignEnd, 2400), Rate("p-an-hoa", "c", CampaignEnd, 50, 100));
        var before = Host.Engine.Current().Find("p-an-hoa")!.Value.Entry;
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-an-hoa");

        await TypeAsync(page, "c", 90, 100);
        await page.Find("[data-testid=entry-save]").ClickAsync(new());

        var after = Host.Engine.Current().Find("p-an-hoa")!.Value.Entry;
        Assert.NotEqual(before.Score, after.Score);
        var expected = $"Đã lưu 1 số liệu của Phường An Hòa — điểm {before.Score.ToString("N2", Vi.Culture)} → {after.Score.ToString("N2", Vi.Culture)}, hạng {before.Rank} → {after.Rank}";
        page.WaitForAssertion(() => Assert.Equal(expected, page.Find("[data-testid=entry-message]").TextContent.Trim()));
        Assert.Matches(@"điểm \d+,\d\d → \d+,\d\d, hạng \d+ → \d+$", expected);
        Assert.DoesNotContain("phiên bản", expected);
    }

    [Fact]
    public async Task DataEntry_FigureBelowTheOneReported_ShowsItAndAsksToConfirmBeforeSaving()
    {
        var reportedOn = new DateOnly(2024, 12, 1);
        await SubmitAsync(Dossiers("p-cai-khe", reportedOn, 799));
        var page = ShowSignedIn();
        await ChooseUnitAsync(page, "p-cai-khe");
        Assert.Contains("799 hồ sơ (ngày 01/12/2024)", page.Find("[data-testid=entry-form] table").TextContent);

        await TypeAsync(page, "dossiers", 700, null);
        await page.Find("[data-testid=entry-save]").ClickAsync(new());

        Assert.Contains("thấp hơn số đã báo ngày 01/12/2024 (799)", page.Find("[data-testid=lower-dossiers]").TextContent);
        Assert.Contains("Vẫn lưu", page.Find("[data-testid=entry-message]").TextContent);
        Assert.Equal(1, await Services.GetRequiredService<FigureRepository>().CountAsync());

        await page.Find("[data-testid=entry-confirm-lower]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.StartsWith("Đã lưu 1 số liệu của Phường Cái Khế", page.Find("[data-testid=entry-message]").TextContent.Trim()));
        Assert.Equal(2, await Services.GetRequiredService<FigureRepository>().CountAsync());
        Assert.Equal(700, Host.Engine.Reported("p-cai-khe", "dossiers", CampaignEnd)!.Value.Numerator);
    }

    private static async Task ChooseFileAsync(IRenderedComponent<DataEntry> page, string csv, string name)
    {
        // The file tab's content is rendered only once the tab is chosen.
        if (page.FindComponents<InputFile>().Count == 0)
            await page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Nhập từ tệp", StringComparison.Ordinal)).ClickAsync(new());
        var input = page.FindComponent<InputFile>();
        await page.InvokeAsync(() => input.UploadFiles(InputFileContent.CreateFromText(csv, name)));
    }

    private const string ImportHeader = "ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\n";

    [Fact]
    public async Task DataEntry_ImportPreview_ShowsOldAndNewPerRowAndScoreBeforeAndAfter()
    {
        var page = ShowSignedIn();
        await ChooseFileAsync(page, ImportHeader + "p-an-hoa,30/06/2024,c,50,100\r\n", "thang-6.csv");
        await page.Find("[data-testid=import-commit]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=import-done]"));
        var before = Host.Engine.Current().Find("p-an-hoa")!.Value.Entry.Score;

        await ChooseFileAsync(page, ImportHeader + "p-an-hoa,30/06/2024,c,80,100\r\n", "thang-6-sua.csv");

        page.WaitForAssertion(() => Assert.Equal(["2", "Phường An Hòa", "c", "50/100", "80/100"],
            page.FindAll("[data-testid=import-changes] tbody td").Select(td => td.TextContent.Trim())));
        var scores = page.FindAll("[data-testid=import-scores] tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Phường An Hòa", scores[0]);
        Assert.Equal(Vi.Number(before), scores[1]);
        Assert.NotEqual(scores[1], scores[2]);
        Assert.Empty(page.FindAll("[data-testid=import-already]"));
        Assert.Single(page.FindAll("[data-testid=import-commit]"));
    }

    [Fact]
    public async Task DataEntry_ImportOfAFileAlreadyStored_WarnsWhenAndOffersNoWrite()
    {
        var page = ShowSignedIn();
        var csv = ImportHeader + "p-an-hoa,30/06/2024,c,50,100\r\n";
        await ChooseFileAsync(page, csv, "thang-6.csv");
        await page.Find("[data-testid=import-commit]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=import-done]"));
        var imported = Assert.Single(await Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.Import)));

        await ChooseFileAsync(page, csv, "thang-6.csv");

        var when = Host.CampaignTime(imported.At).ToString("HH:mm dd/MM/yyyy", Vi.Culture);
        page.WaitForAssertion(() => Assert.StartsWith($"Tệp này đã được nhập lúc {when}", page.Find("[data-testid=import-already]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=import-commit]"));
        Assert.Empty(page.FindAll("[data-testid=import-changes]"));
    }
}
