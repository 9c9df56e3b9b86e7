using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components;

public sealed class AdminPageTests : PageTestContext
{
    private static readonly AccountActor Actor = new("quan-tri", null);

    private AccountService Accounts => Services.GetRequiredService<AccountService>();

    private IRenderedComponent<Admin> ShowAsAdmin()
    {
        Authorization.SetAuthorized("quan-tri").SetRoles(Roles.Admin).SetClaims(new Claim(AccountClaims.UserId, "1"));
        Navigation.NavigateTo("/quan-tri");
        return RenderPage<Admin>(_ => { });
    }

    private static async Task OpenTabAsync(IRenderedComponent<Admin> page, string text)
    {
        var tabs = page.FindComponent<MudTabs>();
        var panel = page.FindComponents<MudTabPanel>().Single(p => p.Instance.Text == text);
        await page.InvokeAsync(() => tabs.Instance.ActivatePanelAsync(panel.Instance, false));
    }

    [Fact]
    public async Task Admin_UnitsTab_ListsEveryUnitInATableSearchableWithoutAccents()
    {
        var page = ShowAsAdmin();
        await OpenTabAsync(page, "Đơn vị");

        Assert.Equal(Host.Engine.Units.Count, page.FindAll("[data-testid=unit-row]").Count);
        Assert.Empty(page.FindAll("[data-testid=unit-select]"));

        await page.Find("input[data-testid=unit-search], [data-testid=unit-search] input").InputAsync(new() { Value = "cai khe" });

        var row = Assert.Single(page.FindAll("[data-testid=unit-row]"));
        Assert.Equal("p-cai-khe", row.GetAttribute("data-code"));
        Assert.Contains("UBND phường", row.TextContent);
        Assert.Contains("Ninh Kiều", row.TextContent);
    }

    [Fact]
    public async Task Admin_UnitRowEdit_OpensThatUnitsForm()
    {
        var page = ShowAsAdmin();
        await OpenTabAsync(page, "Đơn vị");

        await page.Find("[data-testid=unit-row][data-code=p-cai-khe] [data-testid=unit-edit]").ClickAsync(new());

        Assert.Contains("Sửa đơn vị Phường Cái Khế (p-cai-khe)", page.Find("[data-testid=unit-editing]").TextContent);
    }

    [Fact]
    public async Task Admin_CreateEditorWithNoUnit_IsRefusedWithAReason()
    {
        var page = ShowAsAdmin();
        var form = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string)id! == "user-name-input");
        await page.InvokeAsync(() => form.Instance.ValueChanged.InvokeAsync("can-bo-cai-khe"));
        var role = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Vai trò");
        await page.InvokeAsync(() => role.Instance.ValueChanged.InvokeAsync(Roles.Editor));

        await page.Find("[data-testid=user-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("phải được giao ít nhất một đơn vị", page.Find("[data-testid=admin-notice]").TextContent));
        Assert.Null(await Services.GetRequiredService<UserStore>().FindAsync("can-bo-cai-khe"));
        Assert.Empty(page.FindAll("[data-testid=admin-secret]"));
    }

    [Fact]
    public async Task Admin_ResetPassword_AsksFirstAndChangesNothingUntilConfirmed()
    {
        var (user, _) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Viewer, UnitScope.All, "mat-khau-tam-thoi-1", Actor);
        var stamp = user!.SecurityStamp;
        var page = ShowAsAdmin();
        var row = page.FindAll("[data-testid=users] tbody tr").Single(r => r.TextContent.Contains("can-bo", StringComparison.Ordinal));
        await row.QuerySelector("button")!.ClickAsync(new());

        await page.Find("[data-testid=user-reset]").ClickAsync(new());

        Assert.Contains("Đặt lại mật khẩu của can-bo?", page.Find("[data-testid=reset-confirm]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=admin-secret]"));
        Assert.Equal(stamp, (await Services.GetRequiredService<UserStore>().GetAsync(user.Id))!.SecurityStamp);

        await page.Find("[data-testid=reset-confirm-yes]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Mật khẩu mới của can-bo", page.Find("[data-testid=admin-secret]").TextContent));
        Assert.NotEqual(stamp, (await Services.GetRequiredService<UserStore>().GetAsync(user.Id))!.SecurityStamp);
    }
}
