using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>
/// A campaign file's import with a preview: the dry run and the import are both <see cref="CampaignFileImport"/>,
/// the path POST /api/v1/campaigns takes, so the page and the API find exactly the same things.
/// </summary>
public sealed partial class CampaignImport
{
    [Inject] private CampaignCatalog Catalog { get; set; } = default!;

    [Parameter, EditorRequired] public WriteActor Writer { get; set; } = default!;

    /// <summary>Tells the tab a draft was created (its code), so it reads the list again and opens it.</summary>
    [Parameter] public EventCallback<string> Created { get; set; }

    private string FileName { get; set; } = "";
    private byte[]? FileBytes { get; set; }
    private CampaignFileImportResult? Preview { get; set; }
    private string? Problem { get; set; }

    private async Task PreviewAsync(IBrowserFile? file)
    {
        Preview = null;
        Problem = null;
        FileBytes = null;
        if (file is null) return;
        FileName = file.Name;
        if (file.Size > CampaignAdminText.MaxFileBytes)
        {
            Problem = $"Tệp “{Echo.Input(file.Name)}” lớn quá {CampaignAdminText.MaxFileBytes / 1024 / 1024} MB, không phải một tệp chiến dịch.";
            return;
        }
        try
        {
            FileBytes = await CampaignAdminText.ReadAsync(file);
        }
        catch (IOException)
        {
            Problem = "Không đọc được tệp từ trình duyệt; hãy thử chọn lại.";
            return;
        }
        Preview = await RunAsync(dryRun: true);
    }

    private async Task ImportAsync()
    {
        if (FileBytes is null) return;
        CampaignFileImportResult import;
        try
        {
            import = await RunAsync(dryRun: false);
        }
        catch (AuditWriteException)
        {
            await Show(Severity.Error, AuditWriteException.UserMessage);
            return;
        }
        if (!import.IsValid)
        {
            Preview = import;
            await Show(Severity.Error, Refusal(import));
            return;
        }
        var created = import.Result!.Campaign!;
        Preview = null;
        FileBytes = null;
        await Show(Severity.Success, $"Đã nhập chiến dịch “{created.Code}” ({created.Name}) làm bản nháp: sửa quy định, nhập danh sách đơn vị nếu cần, rồi kích hoạt.");
        await Created.InvokeAsync(created.Code);
    }

    private async Task<CampaignFileImportResult> RunAsync(bool dryRun)
    {
        using var stream = new MemoryStream(FileBytes!, writable: false);
        return await CampaignFileImport.ImportAsync(stream, dryRun, Catalog, Writer);
    }

    /// <summary>The file's own findings carry a syntax error's line and column; the catalog's, a reason such as a code taken.</summary>
    private static IReadOnlyList<CampaignFindingRow> Rows(CampaignFileImportResult preview) =>
        preview.Result is null ? CampaignFindingRow.Of(preview.Report) : CampaignFindingRow.Of(preview.Findings);

    private static string Refusal(CampaignFileImportResult preview) =>
        preview.Result is { Reason: { } reason } ? reason
        : $"Tệp có {Vi.Count(preview.Findings.Errors.Count)} lỗi, chưa nhập được: sửa tệp theo danh sách dưới đây rồi chọn lại.";
}
