using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// What the organiser edits of a draft campaign's rules: code and name, the period and deadlines, each
/// block's name and committee slots, the groups (bounds and slots), and each content (name, maximum,
/// full-credit rate in percent, applicability, nothing-arose policy). What the form does not show (time
/// zone, comparison days, tie-breakers, NQ 02 thresholds) is carried over from the rules it was made from.
/// Messages are keyed by the form's own property paths (<c>Groups[2].MinDossiers</c>), so a page can put
/// each under its field; the rules themselves are checked by the scoring library's validator.
/// </summary>
public sealed class CampaignDraftForm
{
    private CampaignRules _carried = new();

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public DateOnly? RegistrationDeadline { get; set; }
    public DateOnly? DossierDeadline { get; set; }
    public List<BlockForm> Blocks { get; } = [];
    public List<GroupForm> Groups { get; } = [];
    public List<IndicatorForm> Indicators { get; } = [];

    public static CampaignDraftForm FromRules(CampaignRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var form = new CampaignDraftForm
        {
            _carried = rules,
            Code = rules.Code,
            Name = rules.Name,
            PeriodStart = rules.PeriodStart == default ? null : rules.PeriodStart,
            PeriodEnd = rules.PeriodEnd == default ? null : rules.PeriodEnd,
            RegistrationDeadline = rules.RegistrationDeadline == default ? null : rules.RegistrationDeadline,
            DossierDeadline = rules.DossierDeadline,
        };
        form.Blocks.AddRange(rules.Blocks.Select(b => new BlockForm
        {
            Code = b.Code,
            Name = b.Name,
            CommitteeSlots = [.. b.CommitteeSlots.Select(s => new CommitteeSlotForm { Code = s.Code, Name = s.Name, Count = s.Count, MinCityRating = s.MinCityRating })],
        }));
        form.Groups.AddRange(rules.Groups.Select(g => new GroupForm
        {
            Block = g.Block, Code = g.Code, Name = g.Name,
            MinDossiers = g.MinDossiers, MinInclusive = g.MinInclusive, MaxDossiers = g.MaxDossiers, MaxInclusive = g.MaxInclusive,
            AwardSlots = g.AwardSlots,
        }));
        form.Indicators.AddRange(rules.Indicators.Select(i => new IndicatorForm
        {
            Code = i.Code, Name = i.Name, MaxPoints = i.MaxPoints, FullCreditPercent = i.FullCreditAt * 100m,
            WhenNothingArose = i.WhenNothingArose, AppliesTo = [.. i.AppliesTo], Nq02MinRate = i.Nq02MinRate,
        }));
        return form;
    }

    /// <summary>The rules as the form now has them; empty inputs become the values the validator reports as missing.</summary>
    public CampaignRules ToRules() => _carried with
    {
        Code = Code.Trim(),
        Name = Name.Trim(),
        PeriodStart = PeriodStart ?? default,
        PeriodEnd = PeriodEnd ?? default,
        RegistrationDeadline = RegistrationDeadline ?? default,
        DossierDeadline = DossierDeadline,
        Blocks = [.. Blocks.Select(b => new BlockRules
        {
            Code = b.Code.Trim(),
            Name = b.Name.Trim(),
            CommitteeSlots = [.. b.CommitteeSlots.Select(s => new CommitteeSlotRules { Code = s.Code.Trim(), Name = s.Name.Trim(), Count = s.Count, MinCityRating = s.MinCityRating })],
        })],
        Groups = [.. Groups.Select(g => new GroupRules
        {
            Block = g.Block.Trim(), Code = g.Code.Trim(), Name = g.Name.Trim(),
            MinDossiers = g.MinDossiers, MinInclusive = g.MinInclusive, MaxDossiers = g.MaxDossiers, MaxInclusive = g.MaxInclusive,
            AwardSlots = g.AwardSlots,
        })],
        Indicators = [.. Indicators.Select(i => new IndicatorRules
        {
            Code = i.Code.Trim(), Name = i.Name.Trim(), MaxPoints = i.MaxPoints ?? 0m,
            // An empty or out-of-range percent is reported by the form; the rules keep a value the validator accepts.
            FullCreditAt = i.FullCreditPercent is > 0m and <= 100m ? i.FullCreditPercent.Value / 100m : 1m,
            WhenNothingArose = i.WhenNothingArose, AppliesTo = [.. i.AppliesTo], Nq02MinRate = i.Nq02MinRate,
        })],
    };

    /// <summary>Every error and warning of the form as it stands, by field.</summary>
    public CampaignDraftValidation Validate()
    {
        var errors = new List<CampaignDraftMessage>();
        if (Code.Trim().Length == 0)
            errors.Add(new("Code", "Chưa đặt mã đợt thi đua, ví dụ “can-tho-2025”."));
        else if (!CodeFormat.IsValid(Code.Trim()))
            errors.Add(new("Code", $"Mã đợt thi đua “{Echo.Input(Code.Trim())}” không hợp lệ: mã {CodeFormat.Rule}."));
        for (var i = 0; i < Indicators.Count; i++)
        {
            var indicator = Indicators[i];
            if (indicator.MaxPoints is null)
                errors.Add(new($"Indicators[{i}].MaxPoints", $"Chưa nhập điểm tối đa của nội dung “{indicator.Code}”."));
            if (indicator.FullCreditPercent is not { } percent)
                errors.Add(new($"Indicators[{i}].FullCreditPercent", $"Chưa nhập tỷ lệ đạt điểm tối đa của nội dung “{indicator.Code}”."));
            else if (percent is <= 0m or > 100m)
                errors.Add(new($"Indicators[{i}].FullCreditPercent",
                    $"Tỷ lệ đạt điểm tối đa của nội dung “{indicator.Code}” phải lớn hơn 0% và không quá 100% (đang là {Vi.Number(percent, 2).TrimEnd('0').TrimEnd(',')}%)."));
        }

        var validation = RulesValidator.Validate(ToRules(), keyPrefix: "");
        // The form reports the rate in percent itself; the validator would only see the stand-in value.
        errors.AddRange(validation.Errors.Where(e => !e.Key.EndsWith(":FullCreditAt", StringComparison.Ordinal)).Select(e => new CampaignDraftMessage(FieldOf(e.Key), e.Message)));
        return new CampaignDraftValidation(errors, [.. validation.Warnings.Select(w => new CampaignDraftMessage(FieldOf(w.Key), w.Message))]);
    }

    /// <summary><c>Groups:2:MinDossiers</c> (a validator key) as the form's <c>Groups[2].MinDossiers</c>.</summary>
    internal static string FieldOf(string key) => FileLocation.PathOfKey(key, camelCase: false);
}
