using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>Copies a campaign into a new draft through the catalog (which checks the new code and the copy, and audits it).</summary>
public sealed partial class CampaignCopy
{
    [Inject] private CampaignCatalog Catalog { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<CampaignRecord> Campaigns { get; set; } = [];

    [Parameter, EditorRequired] public WriteActor Writer { get; set; } = default!;

    /// <summary>Tells the tab a draft was created (its code), so it reads the list again and opens it.</summary>
    [Parameter] public EventCallback<string> Created { get; set; }

    private CopyForm Form { get; set; } = new();
    private Dictionary<string, string> Errors { get; set; } = [];
    private IReadOnlyList<CampaignFindingRow> Findings { get; set; } = [];

    private sealed class CopyForm
    {
        public string? From { get; set; }
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public DateTime? PeriodStart { get; set; }
        public DateTime? PeriodEnd { get; set; }
    }

    protected override void OnParametersSet() =>
        Form.From ??= Campaigns.FirstOrDefault(c => c.IsDefault)?.Code ?? Campaigns.FirstOrDefault()?.Code;

    private string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    private async Task CopyAsync()
    {
        Findings = [];
        Errors = [];
        var code = Form.Code.Trim();
        if (!CampaignCode.IsWellFormed(code))
            Errors["code"] = $"Mã chiến dịch mới gồm chữ thường không dấu, chữ số, nối bằng “-”, “_” hoặc “.”, tối đa {CampaignCode.MaxLength} ký tự, ví dụ “can-tho-2025”.";
        if (Form.PeriodStart is null) Errors["periodStart"] = "Chọn ngày bắt đầu của chiến dịch mới.";
        if (Form.PeriodEnd is null) Errors["periodEnd"] = "Chọn ngày kết thúc của chiến dịch mới.";
        if (Form.From is null) Errors["from"] = "Chọn chiến dịch để sao chép.";
        if (Errors.Count > 0)
        {
            await Show(Severity.Error, "Chưa sao chép: " + string.Join(" ", Errors.Values));
            return;
        }
        CampaignResult result;
        try
        {
            result = await Catalog.CopyAsync(Form.From!, code, Form.Name, AdminText.Date(Form.PeriodStart)!.Value, AdminText.Date(Form.PeriodEnd)!.Value, Writer);
        }
        catch (AuditWriteException)
        {
            await Show(Severity.Error, AuditWriteException.UserMessage);
            return;
        }
        Findings = CampaignFindingRow.Of(result.Findings);
        await Notify.InvokeAsync(CampaignAdminText.Notice(result, $"Đã sao chép “{Form.From}” thành bản nháp “{code}”: sửa quy định, nhập danh sách đơn vị nếu cần, rồi kích hoạt."));
        if (result.Outcome != CampaignOutcome.Done) return;
        Form = new CopyForm { From = Form.From };
        await Created.InvokeAsync(result.Campaign!.Code);
    }
}
