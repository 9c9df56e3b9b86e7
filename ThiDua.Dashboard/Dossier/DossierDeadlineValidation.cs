using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// Dossiers report a finished period, so their deadline comes after it (the plan: period to
/// 14/12/2024, dossiers before 15/01/2025); a deadline inside the period would show "quá hạn"
/// before anything could be sent.
/// </summary>
internal sealed class DossierDeadlineValidation(IOptions<CampaignRules> campaign) : IValidateOptions<DossierDeadlineOptions>
{
    public ValidateOptionsResult Validate(string? name, DossierDeadlineOptions options)
    {
        var failures = new OptionFailures(CampaignRegistration.SectionName);
        var periodEnd = campaign.Value.PeriodEnd;
        if (options.DossierDeadline <= periodEnd)
            failures.Add(nameof(DossierDeadlineOptions.DossierDeadline),
                $"Hạn gửi hồ sơ khen thưởng ({options.DossierDeadline:dd/MM/yyyy}) phải sau ngày kết thúc kỳ thi đua ({failures.Key(nameof(CampaignRules.PeriodEnd))} = {periodEnd:dd/MM/yyyy}).");
        return failures.Result;
    }
}
