using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Dashboard.Import;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// PUT /api/v1/campaigns/{code}/units with a CSV/XLSX unit list (multipart/form-data with a “file”, or
/// a text/csv body), read by <see cref="UnitListFileReader"/> against the draft's rules, so the API says
/// what the admin page's unit import says: each bad row with its row number.
/// </summary>
internal static class UnitListUpload
{
    private const string CsvName = "don-vi.csv";

    public static bool IsUnitList(HttpRequest request) =>
        request.HasFormContentType
        || string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase);

    public static async Task<IResult> ReplaceUnitsAsync(string code, HttpRequest request, CampaignCatalog catalog, WriteActor actor, CancellationToken ct)
    {
        if (catalog.Find(code) is not { } campaign) return CampaignProblems.NotFound(code);
        var (content, fileName, refused) = await ReadAsync(request, ct);
        if (refused is not null) return refused;
        await using (content)
        {
            var (file, findings) = Read(content!, fileName!, campaign.Rules, ct);
            if (!file.IsValid) return CampaignEndpoints.Invalid(findings);
            var result = await catalog.ReplaceUnitsAsync(code, file.Units, actor, ct);
            return CampaignEndpoints.Answer(result.Outcome == CampaignOutcome.Done ? result with { Findings = findings } : result, created: false);
        }
    }

    /// <summary>A unit list read against a campaign's rules, each finding as the API and the admin page say it.</summary>
    internal static (UnitListFile File, CampaignFindings Findings) Read(Stream content, string fileName, ThiDua.Scoring.Rules.CampaignRules rules,
        CancellationToken ct)
    {
        var file = UnitListFileReader.Read(content, fileName, rules, ct);
        return (file, new CampaignFindings([.. file.Errors.Select(Finding)], [.. file.Warnings.Select(Finding)]));
    }

    /// <summary>
    /// GET /api/v1/campaigns/{code}/units/template: the campaign's unit list as a file to fill in (CSV or XLSX),
    /// so a draft copied from last year is edited from its inherited list; the bare header when it has none.
    /// </summary>
    public static async Task<IResult> TemplateAsync(string code, string? format, CampaignCatalog catalog, CancellationToken ct)
    {
        if (await catalog.UnitsAsync(code, ct) is not { } units) return CampaignProblems.NotFound(code);
        return UnitListTemplate.Create(format, units) is { } template
            ? Results.File(template.Content, template.ContentType, template.FileName)
            : Problems.BadParameter("format", "Định dạng mẫu không được hỗ trợ", "Dùng format=csv hoặc format=xlsx.");
    }

    /// <summary>The file in memory (the reader reads synchronously) and its name, which says CSV or XLSX.</summary>
    private static async Task<(MemoryStream? Content, string? FileName, IResult? Refused)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        if (!request.HasFormContentType)
        {
            await request.Body.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            return (buffer, CsvName, null);
        }
        var (file, unreadable) = await MultipartFile.ReadAsync(request, "Biểu mẫu multipart không hợp lệ hoặc bị cắt ngang; không có gì được lưu.", null, ct);
        if (unreadable is not null)
        {
            await buffer.DisposeAsync();
            return (null, null, unreadable);
        }
        if (file is null || !UnitListFileReader.IsSupported(file.FileName))
        {
            await buffer.DisposeAsync();
            return (null, null, Problems.BadRequest("Thiếu tệp danh sách đơn vị",
                $"Gửi tệp .csv hoặc .xlsx (cột ma_don_vi, ten_don_vi, khoi, quan_huyen, hieu_luc_tu, hieu_luc_den, tien_than) trong trường “{ImportEndpoints.FilePart}” của biểu mẫu multipart/form-data"
                + (file is null ? "." : $"; tệp đã gửi: “{Echo.Input(file.FileName)}”.")));
        }
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return (buffer, file.FileName, null);
    }

    /// <summary>A row's finding, its row (and column, when one) said first so the organiser finds it in the spreadsheet.</summary>
    private static CampaignFinding Finding(ImportError error) => new(
        "unit-list-row",
        error.Column.Length == 0 ? $"rows[{error.Row}]" : $"rows[{error.Row}].{error.Column}",
        error.Column.Length == 0 ? $"Dòng {error.Row}: {error.Message}" : $"Dòng {error.Row}, cột “{error.Column}”: {error.Message}");
}
