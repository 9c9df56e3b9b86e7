using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>
/// The draft's rules on a <see cref="CampaignDraftForm"/>: each field shows the form's own message under it
/// (the scoring library's validator, placed by the form's paths); a form with an error saves nothing, and
/// a clean one replaces the draft's rules through the catalog, which checks them with the draft's units.
/// </summary>
public sealed partial class CampaignDraftEditor
{
    private CampaignDraftForm Form { get; set; } = new();
    private CampaignDraftValidation? Validation { get; set; }
    private IReadOnlyList<CampaignFindingRow> Findings { get; set; } = [];
    private string? _loaded;

    protected override void OnParametersSet()
    {
        // A new draft, or the same draft saved (its UpdatedAt moved): the form starts again from the stored rules.
        var stamp = $"{Draft.Code}@{Draft.UpdatedAt:O}";
        if (stamp == _loaded) return;
        _loaded = stamp;
        Reset();
    }

    private void Reset()
    {
        Form = CampaignDraftForm.FromRules(Draft.Rules);
        Validation = null;
        Findings = [];
    }

    private bool Has(string field) => Validation?.ErrorsFor(field).Count > 0;

    private string? Error(string field) => Validation?.ErrorsFor(field) is { Count: > 0 } errors ? string.Join(" ", errors) : null;

    private static DateTime? At(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static void Toggle(IndicatorForm indicator, string block, bool on)
    {
        indicator.AppliesTo.Remove(block);
        if (on) indicator.AppliesTo.Add(block);
    }

    private static string PolicyText(NothingArosePolicy policy) => policy switch
    {
        NothingArosePolicy.Full => "Tính đủ điểm",
        NothingArosePolicy.Zero => "Tính 0 điểm",
        _ => "Không tính (loại khỏi tổng điểm)",
    };

    private async Task SaveAsync()
    {
        Findings = [];
        Validation = Form.Validate();
        if (!Validation.IsValid)
        {
            await Show(Severity.Error, $"Chưa lưu quy định của “{Draft.Code}”: {Validation.Errors.Count} lỗi, xem dưới từng ô.");
            return;
        }
        CampaignResult result;
        try
        {
            result = await Catalog.ReplaceRulesAsync(Draft.Code, Form.ToRules(), Writer);
        }
        catch (AuditWriteException)
        {
            await Show(Severity.Error, AuditWriteException.UserMessage);
            return;
        }
        Findings = CampaignFindingRow.Of(result.Findings);
        await Notify.InvokeAsync(CampaignAdminText.Notice(result, $"Đã lưu quy định của bản nháp “{Draft.Code}”."));
        if (result.Outcome == CampaignOutcome.Done) await Changed.InvokeAsync();
    }
}
