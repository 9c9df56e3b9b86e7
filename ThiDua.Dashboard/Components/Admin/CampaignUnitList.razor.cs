using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>
/// A draft's unit list replaced from a CSV/XLSX file, read the way PUT /api/v1/campaigns/{code}/units reads it
/// (<see cref="UnitListUpload"/>), with a preview first: the file's findings by row and column, then the
/// campaign's own checks of those units with its rules (what the catalog checks again on replacing).
/// </summary>
public sealed partial class CampaignUnitList
{
    private sealed record UnitPreview(IReadOnlyList<CampaignUnit> Units, CampaignFindings Findings);

    private int UnitCount { get; set; }
    private string FileName { get; set; } = "";
    private UnitPreview? Preview { get; set; }
    private string? Problem { get; set; }
    private string? _loaded;

    private string TemplateUrl(string format) => $"/api/v1/campaigns/{Uri.EscapeDataString(Draft.Code)}/units/template?format={format}";

    protected override async Task OnParametersSetAsync()
    {
        var stamp = $"{Draft.Code}@{Draft.UpdatedAt:O}";
        if (stamp == _loaded) return;
        _loaded = stamp;
        Preview = null;
        Problem = null;
        UnitCount = (await Catalog.UnitsAsync(Draft.Code))?.Count ?? 0;
    }

    private async Task PreviewAsync(IBrowserFile? file)
    {
        Preview = null;
        Problem = null;
        if (file is null) return;
        FileName = file.Name;
        if (!UnitListFileReader.IsSupported(file.Name))
        {
            Problem = $"Tệp “{Echo.Input(file.Name)}” không phải CSV, văn bản Unicode của Excel (.txt) hoặc Excel (.xlsx).";
            return;
        }
        if (file.Size > CampaignAdminText.MaxFileBytes)
        {
            Problem = $"Tệp lớn quá {CampaignAdminText.MaxFileBytes / 1024 / 1024} MB, không phải một danh sách đơn vị.";
            return;
        }
        byte[] bytes;
        try
        {
            bytes = await CampaignAdminText.ReadAsync(file);
        }
        catch (IOException)
        {
            Problem = "Không đọc được tệp từ trình duyệt; hãy thử chọn lại.";
            return;
        }
        using var stream = new MemoryStream(bytes, writable: false);
        var (read, findings) = UnitListUpload.Read(stream, file.Name, Draft.Rules, CancellationToken.None);
        // A file clean row by row is checked as the campaign would be with it, so the preview refuses what replacing would;
        // the campaign's warnings are left out, since they repeat the file's or speak of the rules, not of this list.
        if (findings.IsValid)
            findings = findings with { Errors = CampaignFindings.Check(new CampaignDefinition(Draft.Rules, read.Units)).Errors };
        Preview = new UnitPreview(read.Units, findings);
    }

    private async Task ReplaceAsync()
    {
        if (Preview is not { Findings.IsValid: true } preview) return;
        CampaignResult result;
        try
        {
            result = await Catalog.ReplaceUnitsAsync(Draft.Code, preview.Units, Writer);
        }
        catch (AuditWriteException)
        {
            await Show(Severity.Error, AuditWriteException.UserMessage);
            return;
        }
        await Notify.InvokeAsync(CampaignAdminText.Notice(result,
            $"Đã thay danh sách đơn vị của bản nháp “{Draft.Code}”: {Vi.Count(preview.Units.Count)} đơn vị."));
        if (result.Outcome != CampaignOutcome.Done)
        {
            Preview = preview with { Findings = result.Findings };
            return;
        }
        Preview = null;
        // Said at once: the draft's stored time may not move within the same tick, so the stamp alone would not reload it.
        UnitCount = preview.Units.Count;
        await Changed.InvokeAsync();
    }
}
