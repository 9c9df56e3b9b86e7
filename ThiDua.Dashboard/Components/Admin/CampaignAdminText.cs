using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>One finding as the campaign tab lists it: error or warning, where (line and column of a syntax error, or a path), and what.</summary>
public sealed record CampaignFindingRow(bool IsError, string Path, int? Line, int? Column, string Message)
{
    public static IReadOnlyList<CampaignFindingRow> Of(CampaignFindings findings) =>
        [.. findings.Errors.Select(f => new CampaignFindingRow(true, f.Path, null, null, f.Message)),
         .. findings.Warnings.Select(f => new CampaignFindingRow(false, f.Path, null, null, f.Message))];

    public static IReadOnlyList<CampaignFindingRow> Of(CampaignFileReport report) =>
        [.. report.Errors.Select(f => new CampaignFindingRow(true, f.Path, f.Line, f.Column, f.Message)),
         .. report.Warnings.Select(f => new CampaignFindingRow(false, f.Path, f.Line, f.Column, f.Message))];
}

/// <summary>How the campaign tab says a campaign's state, period and the catalog's answers, so every part says them alike.</summary>
internal static class CampaignAdminText
{
    /// <summary>A campaign file is far smaller (see <see cref="CampaignFileReader.MaxBytes"/>); a unit list of a thousand rows too.</summary>
    public const long MaxFileBytes = CampaignFileReader.MaxBytes;

    public static string Status(string status) => status switch
    {
        CampaignStatus.Draft => "Nháp",
        CampaignStatus.Active => "Đang diễn ra",
        _ => "Đã kết thúc",
    };

    public static Color StatusColor(string status) => status switch
    {
        CampaignStatus.Draft => Color.Default,
        CampaignStatus.Active => Color.Success,
        _ => Color.Secondary,
    };

    public static string Period(DateOnly? start, DateOnly? end) =>
        start is null && end is null ? "—" : $"{(start is { } s ? Vi.Date(s) : "…")} – {(end is { } e ? Vi.Date(e) : "…")}";

    /// <summary>"Khối phường: 34 đơn vị; …", in the order of the rules' blocks (block codes not in the rules last, as written).</summary>
    public static IReadOnlyList<(string Block, int Count)> UnitsPerBlock(CampaignRules rules, IReadOnlyList<CampaignUnit> units)
    {
        var order = rules.Blocks.Select((b, i) => (b.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return [.. units.GroupBy(u => u.Block)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue))
            .Select(g => (rules.Blocks.FirstOrDefault(b => b.Code == g.Key)?.Name ?? g.Key, g.Count()))];
    }

    /// <summary>The notice for what the catalog answered: success, or the reason it refused (findings are listed beside it).</summary>
    public static (Severity Severity, string Message) Notice(CampaignResult result, string done) => result.Outcome switch
    {
        CampaignOutcome.Done => (Severity.Success, done),
        CampaignOutcome.Invalid => (Severity.Error, $"Không thực hiện được: {Vi.Count(result.Findings.Errors.Count)} lỗi, xem danh sách bên dưới. Chưa có gì thay đổi."),
        _ => (Severity.Error, result.Reason ?? "Không thực hiện được."),
    };

    /// <summary>The browser's file, whole, in memory: the readers read synchronously, which a browser stream refuses.</summary>
    public static async Task<byte[]> ReadAsync(IBrowserFile file)
    {
        await using var stream = file.OpenReadStream(MaxFileBytes);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
