using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>The campaign list and its steps, each through the catalog (which checks the state and audits); a refusal's findings listed under the table.</summary>
public sealed partial class CampaignList
{
    [Inject] private CampaignCatalog Catalog { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<CampaignRecord> Campaigns { get; set; } = [];

    /// <summary>The signed-in admin the steps are audited under.</summary>
    [Parameter, EditorRequired] public WriteActor Writer { get; set; } = default!;

    /// <summary>The draft open in the editor below, if any.</summary>
    [Parameter] public string? Selected { get; set; }

    [Parameter] public EventCallback<string?> SelectedChanged { get; set; }

    /// <summary>Tells the tab the catalog changed, so it reads the list again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    /// <summary>"Kết thúc" was pressed: closing waits for a second, explicit yes, since it cannot be undone.</summary>
    private CampaignRecord? Closing { get; set; }

    private IReadOnlyList<CampaignFindingRow> Findings { get; set; } = [];

    private Task ActivateAsync(CampaignRecord campaign) =>
        StepAsync(Catalog.ActivateAsync(campaign.Code, Writer), $"Đã kích hoạt chiến dịch “{campaign.Code}”: các bảng xếp hạng của nó bắt đầu nhận số liệu.");

    private async Task CloseAsync()
    {
        if (Closing is not { } campaign) return;
        Closing = null;
        await StepAsync(Catalog.CloseAsync(campaign.Code, Writer), $"Đã kết thúc chiến dịch “{campaign.Code}”: từ nay chỉ xem được.");
    }

    private Task SetDefaultAsync(CampaignRecord campaign) =>
        StepAsync(Catalog.SetDefaultAsync(campaign.Code, Writer), $"Đã đặt chiến dịch “{campaign.Code}” làm mặc định: trang và API không chọn chiến dịch sẽ hiện chiến dịch này.");

    private async Task StepAsync(Task<CampaignResult> step, string done)
    {
        CampaignResult result;
        try
        {
            result = await step;
        }
        catch (AuditWriteException)
        {
            await Show(MudBlazor.Severity.Error, AuditWriteException.UserMessage);
            return;
        }
        Findings = CampaignFindingRow.Of(result.Findings);
        var (severity, message) = CampaignAdminText.Notice(result, done);
        await Show(severity, message);
        await Changed.InvokeAsync();
    }
}
