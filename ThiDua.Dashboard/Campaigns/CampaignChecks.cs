using ThiDua.Dashboard.Configuration;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// What a campaign must satisfy to be stored or activated: the rule validator's findings (the 2,000
/// hole and the like) and the unit list's (codes, blocks, dates, lineage), every one in Vietnamese.
/// </summary>
public static class CampaignChecks
{
    public static CampaignFindings Check(CampaignDefinition definition)
    {
        var rules = definition.Rules;
        var errors = new List<CampaignFinding>();
        var warnings = new List<CampaignFinding>();
        var validation = RulesValidator.Validate(rules, CampaignRegistration.SectionName);
        errors.AddRange(validation.Errors.Select(Finding));
        warnings.AddRange(validation.Warnings.Select(Finding));

        if (!CampaignCode.IsWellFormed(rules.Code))
            errors.Add(new("campaign-code", "code",
                $"Mã chiến dịch “{rules.Code}” không hợp lệ: chỉ gồm chữ thường không dấu, chữ số, nối bằng “-”, “_” hoặc “.”, tối đa {CampaignCode.MaxLength} ký tự."));
        if (definition.Units.Count == 0)
            errors.Add(new("units-empty", "units", "Chiến dịch chưa có đơn vị nào: thêm danh sách đơn vị (units)."));

        var blocks = rules.Blocks.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Units.Count; i++)
        {
            var unit = definition.Units[i];
            var at = $"units[{i}]";
            if (!CampaignCode.IsWellFormed(unit.Code))
                errors.Add(new("unit-code", at + ".code", $"Đơn vị thứ {i + 1}: mã “{unit.Code}” không hợp lệ (chữ thường không dấu, chữ số, “-”, “_”, “.”)."));
            else if (!codes.Add(unit.Code))
                errors.Add(new("unit-code-duplicate", at + ".code", $"Đơn vị thứ {i + 1}: mã “{unit.Code}” đã có ở một đơn vị trước."));
            if (string.IsNullOrWhiteSpace(unit.Name))
                errors.Add(new("unit-name", at + ".name", $"Đơn vị thứ {i + 1} ({unit.Code}): thiếu tên đơn vị."));
            if (!blocks.Contains(unit.Block))
                errors.Add(new("unit-block", at + ".block", $"Đơn vị thứ {i + 1} ({unit.Code}): khối “{unit.Block}” không có trong các khối của chiến dịch."));
            if (unit.ActiveFrom is { } from && unit.ActiveTo is { } to && from > to)
                errors.Add(new("unit-active-range", at + ".activeTo", $"Đơn vị thứ {i + 1} ({unit.Code}): ngày kết thúc hoạt động {to:dd/MM/yyyy} trước ngày bắt đầu {from:dd/MM/yyyy}."));
            if (unit.Predecessors.Any(p => string.Equals(p, unit.Code, StringComparison.Ordinal)))
                errors.Add(new("unit-predecessor-self", at + ".predecessors", $"Đơn vị thứ {i + 1} ({unit.Code}): một đơn vị không thể là tiền thân của chính nó."));
        }
        return new CampaignFindings(errors, warnings);
    }

    private static CampaignFinding Finding(RuleIssue issue) => new(issue.Code, issue.Key, issue.Message);
}
