using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Components.Campaigns;

/// <summary>
/// /quan-tri signed in as an admin, on the campaigns tab, with the app's campaign catalog over a real SQLite
/// file (the 2024 campaign seeded as on an empty database); fields are set as a person's input would set them.
/// </summary>
public abstract class CampaignTabContext() : PageTestContext(new Dictionary<string, string?>())
{
    protected const string Default = "can-tho-2024";
    protected static readonly WriteActor Admin = new("quan-tri", null, UnitScope.All);

    protected CampaignCatalog Catalog => Services.GetRequiredService<CampaignCatalog>();

    protected async Task<IRenderedComponent<Admin>> ShowTabAsync()
    {
        Authorization.SetAuthorized("quan-tri").SetRoles(Roles.Admin).SetClaims(new Claim(AccountClaims.UserId, "1"));
        Navigation.NavigateTo("/quan-tri");
        var page = RenderPage<Admin>(_ => { });
        var tabs = page.FindComponent<MudTabs>();
        var panel = page.FindComponents<MudTabPanel>().Single(p => p.Instance.Text == "Chiến dịch");
        await page.InvokeAsync(() => tabs.Instance.ActivatePanelAsync(panel.Instance, false));
        return page;
    }

    /// <summary>A draft copied from the 2024 campaign (its rules and units), made through the catalog.</summary>
    protected async Task<CampaignRecord> CopyDraftAsync(string code)
    {
        var result = await Catalog.CopyAsync(Default, code, "Thi đua 2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Admin);
        Assert.Equal(CampaignOutcome.Done, result.Outcome);
        return result.Campaign!;
    }

    /// <summary>Opens a draft in the editor below the list, as its "Sửa" button does.</summary>
    protected static Task EditAsync(IRenderedComponent<Admin> page, string code) =>
        page.Find($"[data-testid=campaign-row][data-code={code}] [data-testid=campaign-edit]").ClickAsync(new());

    protected static IRenderedComponent<T> Field<T>(IRenderedComponent<Admin> page, string testId, int index = 0) where T : MudComponentBase =>
        page.FindComponents<T>().Where(c => c.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string)id! == testId).ElementAt(index);

    protected static Task TypeAsync(IRenderedComponent<Admin> page, string testId, string value) =>
        page.InvokeAsync(() => Field<MudTextField<string>>(page, testId).Instance.ValueChanged.InvokeAsync(value));

    protected static Task PickDateAsync(IRenderedComponent<Admin> page, string testId, DateOnly date) =>
        page.InvokeAsync(() => Field<MudDatePicker>(page, testId).Instance.DateChanged.InvokeAsync(date.ToDateTime(TimeOnly.MinValue)));

    protected static Task TypeNumberAsync(IRenderedComponent<Admin> page, string testId, int index, decimal? value) =>
        page.InvokeAsync(() => Field<MudNumericField<decimal?>>(page, testId, index).Instance.ValueChanged.InvokeAsync(value));

    /// <summary>Chooses a file in one of the tab's file pickers (by its data-testid), as the browser would hand it over.</summary>
    protected static Task ChooseFileAsync(IRenderedComponent<Admin> page, string testId, string text, string name)
    {
        var input = Field<MudFileUpload<IBrowserFile>>(page, testId).FindComponent<InputFile>();
        return page.InvokeAsync(() => input.UploadFiles(InputFileContent.CreateFromText(text, name)));
    }

    protected static string Notice(IRenderedComponent<Admin> page) => page.Find("[data-testid=admin-notice]").TextContent;

    protected async Task<IReadOnlyList<AuditEntry>> AuditAsync(string kind) =>
        await Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Kind: kind));
}
