using System.Globalization;
using ThiDua.Scoring.Text;

namespace ThiDua.Scoring.Rules;

/// <summary>
/// Checks a campaign's rules in one pass and returns every error (the campaign cannot run) and
/// every warning (it runs, but people should know), each with the configuration key it concerns.
/// </summary>
public static class RulesValidator
{
    public const string DefaultKeyPrefix = "ThiDua:Campaign";

    public static RulesValidation Validate(CampaignRules rules, string keyPrefix = DefaultKeyPrefix)
    {
        var errors = new List<RuleIssue>();
        var warnings = new List<RuleIssue>();
        void Error(string code, string key, string message) => errors.Add(new(code, Key(keyPrefix, key), message));
        void Warn(string code, string key, string message) => warnings.Add(new(code, Key(keyPrefix, key), message));

        if (string.IsNullOrWhiteSpace(rules.Name))
            Error("name-missing", "Name", "Chưa đặt tên đợt thi đua.");
        if (!IsKnownTimeZone(rules.TimeZone))
            Error("time-zone-unknown", "TimeZone", $"Múi giờ “{rules.TimeZone}” không tồn tại.");
        if (rules.PeriodStart == default)
            Error("date-missing", "PeriodStart", "Chưa đặt ngày bắt đầu đợt thi đua.");
        if (rules.PeriodEnd == default)
            Error("date-missing", "PeriodEnd", "Chưa đặt ngày kết thúc đợt thi đua.");
        if (rules.RegistrationDeadline == default)
            Error("date-missing", "RegistrationDeadline", "Chưa đặt hạn đăng ký thi đua.");
        if (rules.PeriodStart != default && rules.PeriodEnd != default && rules.PeriodStart > rules.PeriodEnd)
            Error("dates-out-of-order", "PeriodEnd",
                $"Ngày kết thúc ({Vi.Date(rules.PeriodEnd)}) đứng trước ngày bắt đầu ({Vi.Date(rules.PeriodStart)}).");
        if (rules.RegistrationDeadline != default && rules.PeriodEnd != default && rules.RegistrationDeadline > rules.PeriodEnd)
            Error("dates-out-of-order", "RegistrationDeadline",
                $"Hạn đăng ký ({Vi.Date(rules.RegistrationDeadline)}) đứng sau ngày kết thúc đợt thi đua ({Vi.Date(rules.PeriodEnd)}).");
        // A warning, not an error: the plan's dossiers report on the whole period, but nothing breaks if they are due earlier.
        if (rules.DossierDeadline is { } dossierDeadline && rules.PeriodEnd != default && dossierDeadline <= rules.PeriodEnd)
            Warn("dossier-deadline-early", "DossierDeadline",
                $"Hạn nộp hồ sơ khen thưởng ({Vi.Date(dossierDeadline)}) không đứng sau ngày kết thúc đợt thi đua ({Vi.Date(rules.PeriodEnd)}): hồ sơ phải nộp khi chưa có kết quả cả đợt.");
        if (rules.ComparisonDays < 1)
            Error("comparison-days", "ComparisonDays", "Số ngày so sánh biến động phải từ 1 trở lên.");

        var blockCodes = CheckBlocks(rules, Error);
        CheckGroups(rules, blockCodes, Error, Warn);
        var indicatorCodes = CheckIndicators(rules, blockCodes, Error);

        for (var i = 0; i < rules.TieBreakers.Count; i++)
            if (!indicatorCodes.Contains(rules.TieBreakers[i]))
                Error("tie-breaker-unknown", $"TieBreakers:{i}", $"Tiêu chí phân định đồng hạng “{rules.TieBreakers[i]}” không phải nội dung thi đua nào.");

        return new RulesValidation(errors, warnings);
    }

    private static HashSet<string> CheckBlocks(CampaignRules rules, Action<string, string, string> error)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (rules.Blocks.Count == 0)
            error("blocks-missing", "Blocks", "Chưa khai báo khối thi đua nào.");
        for (var b = 0; b < rules.Blocks.Count; b++)
        {
            var block = rules.Blocks[b];
            if (string.IsNullOrWhiteSpace(block.Code))
                error("code-missing", $"Blocks:{b}:Code", "Khối thi đua chưa có mã.");
            else if (!codes.Add(block.Code))
                error("code-duplicate", $"Blocks:{b}:Code", $"Mã khối “{block.Code}” bị trùng.");
            // Names are what every board, export and dossier shows; a blank one leaves a hole on each.
            if (string.IsNullOrWhiteSpace(block.Name))
                error("name-missing", $"Blocks:{b}:Name", $"Khối “{block.Code}” chưa có tên.");
            var slotCodes = new HashSet<string>(StringComparer.Ordinal);
            for (var s = 0; s < block.CommitteeSlots.Count; s++)
            {
                var slot = block.CommitteeSlots[s];
                if (string.IsNullOrWhiteSpace(slot.Code) || !slotCodes.Add(slot.Code))
                    error("code-duplicate", $"Blocks:{b}:CommitteeSlots:{s}:Code", $"Mã suất khen “{slot.Code}” của khối “{block.Code}” bị thiếu hoặc trùng.");
                if (string.IsNullOrWhiteSpace(slot.Name))
                    error("name-missing", $"Blocks:{b}:CommitteeSlots:{s}:Name", $"Suất khen “{slot.Code}” của khối “{block.Code}” chưa có tên.");
                if (slot.Count < 1)
                    error("slots-negative", $"Blocks:{b}:CommitteeSlots:{s}:Count", $"Số suất khen “{slot.Code}” phải từ 1 trở lên.");
            }
        }
        return codes;
    }

    private static void CheckGroups(CampaignRules rules, HashSet<string> blockCodes,
        Action<string, string, string> error, Action<string, string, string> warn)
    {
        var groupCodes = new HashSet<(string, string)>();
        for (var g = 0; g < rules.Groups.Count; g++)
        {
            var group = rules.Groups[g];
            if (!blockCodes.Contains(group.Block))
                error("group-block-unknown", $"Groups:{g}:Block", $"Nhóm “{group.Code}” thuộc khối “{group.Block}” không có trong danh sách khối.");
            if (string.IsNullOrWhiteSpace(group.Code))
                error("code-missing", $"Groups:{g}:Code", "Nhóm chưa có mã.");
            else if (!groupCodes.Add((group.Block, group.Code)))
                error("code-duplicate", $"Groups:{g}:Code", $"Mã nhóm “{group.Code}” bị trùng trong khối “{group.Block}”.");
            if (string.IsNullOrWhiteSpace(group.Name))
                error("name-missing", $"Groups:{g}:Name", $"Nhóm “{group.Code}” của khối “{group.Block}” chưa có tên.");
            if (group.AwardSlots < 0)
                error("slots-negative", $"Groups:{g}:AwardSlots", $"Số suất khen của nhóm “{group.Code}” không được âm.");
            if (group.MinDossiers < 0)
                error("bound-negative", $"Groups:{g}:MinDossiers", $"Cận dưới số hồ sơ của nhóm “{group.Code}” không được âm.");
            if (group.MaxDossiers < 0)
                error("bound-negative", $"Groups:{g}:MaxDossiers", $"Cận trên số hồ sơ của nhóm “{group.Code}” không được âm.");
            if (DossierInterval.Of(group).IsEmpty)
                error("group-empty", $"Groups:{g}:MaxDossiers", $"Khoảng số hồ sơ của nhóm “{group.Code}” không chứa giá trị nào.");
        }

        foreach (var block in rules.Blocks)
        {
            var members = rules.Groups.Select((group, index) => (group, index, interval: DossierInterval.Of(group)))
                .Where(m => m.group.Block == block.Code && !m.interval.IsEmpty)
                .OrderBy(m => m.interval.Low).ThenBy(m => m.index)
                .ToList();
            var blockIndex = IndexOf(rules.Blocks, block);
            if (members.Count == 0)
            {
                warn("block-without-groups", $"Blocks:{blockIndex}", $"Khối “{block.Name}” chưa có nhóm nào: mọi đơn vị của khối sẽ ở bảng “chưa xếp nhóm”.");
                continue;
            }

            for (var i = 0; i < members.Count; i++)
                for (var j = i + 1; j < members.Count; j++)
                    if (members[i].interval.Overlaps(members[j].interval))
                        error("group-overlap", $"Groups:{members[j].index}",
                            $"Nhóm “{members[i].group.Code}” và nhóm “{members[j].group.Code}” của khối “{block.Name}” chồng lên nhau ở {members[i].interval.Intersect(members[j].interval).Describe()}.");

            // Walk the covered ranges from 0 upwards; whatever lies between them is a hole.
            long next = 0;
            foreach (var (_, _, interval) in members)
            {
                if (interval.Low > next)
                    warn("dossier-hole", $"Groups",
                        $"Khối “{block.Name}”: đơn vị có {new DossierInterval(next, interval.Low - 1).Describe()} không thuộc nhóm nào (chỗ hở {block.Code}: {HoleValue(next, interval.Low - 1)}).");
                if (interval.High == long.MaxValue) { next = long.MaxValue; break; }
                next = Math.Max(next, interval.High + 1);
            }
            if (next != long.MaxValue)
                warn("dossier-hole", "Groups",
                    $"Khối “{block.Name}”: đơn vị có {new DossierInterval(next, long.MaxValue).Describe()} không thuộc nhóm nào (chỗ hở {block.Code}: {HoleValue(next, long.MaxValue)}).");
        }
    }

    private static HashSet<string> CheckIndicators(CampaignRules rules, HashSet<string> blockCodes, Action<string, string, string> error)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (rules.Indicators.Count == 0)
            error("indicators-missing", "Indicators", "Chưa khai báo nội dung thi đua nào.");
        for (var i = 0; i < rules.Indicators.Count; i++)
        {
            var indicator = rules.Indicators[i];
            if (string.IsNullOrWhiteSpace(indicator.Code))
                error("code-missing", $"Indicators:{i}:Code", "Nội dung thi đua chưa có mã.");
            else if (indicator.Code == Figures.Figure.Dossiers)
                error("code-reserved", $"Indicators:{i}:Code", $"Mã “{Figures.Figure.Dossiers}” dành cho số hồ sơ giải quyết, không dùng làm mã nội dung.");
            else if (!codes.Add(indicator.Code))
                error("code-duplicate", $"Indicators:{i}:Code", $"Mã nội dung “{indicator.Code}” bị trùng.");
            if (string.IsNullOrWhiteSpace(indicator.Name))
                error("name-missing", $"Indicators:{i}:Name", $"Nội dung “{indicator.Code}” chưa có tên.");
            if (indicator.MaxPoints < 0)
                error("points-negative", $"Indicators:{i}:MaxPoints", $"Điểm tối đa của nội dung “{indicator.Code}” không được âm.");
            if (indicator.FullCreditAt <= 0 || indicator.FullCreditAt > 1)
                error("threshold-range", $"Indicators:{i}:FullCreditAt", $"Ngưỡng đạt điểm tối đa của nội dung “{indicator.Code}” phải lớn hơn 0 và không quá 1 (đang là {indicator.FullCreditAt.ToString(CultureInfo.InvariantCulture)}).");
            if (indicator.Nq02MinRate is { } nq02 && (nq02 <= 0 || nq02 > 1))
                error("threshold-range", $"Indicators:{i}:Nq02MinRate", $"Ngưỡng Nghị quyết 02 của nội dung “{indicator.Code}” phải lớn hơn 0 và không quá 1 (đang là {nq02.ToString(CultureInfo.InvariantCulture)}).");
            if (!Enum.IsDefined(indicator.WhenNothingArose))
                error("policy-unknown", $"Indicators:{i}:WhenNothingArose", $"Cách tính khi không phát sinh của nội dung “{indicator.Code}” không hợp lệ.");
            if (indicator.AppliesTo.Count == 0)
                error("applies-to-none", $"Indicators:{i}:AppliesTo", $"Nội dung “{indicator.Code}” không áp dụng cho khối nào.");
            for (var a = 0; a < indicator.AppliesTo.Count; a++)
                if (!blockCodes.Contains(indicator.AppliesTo[a]))
                    error("applies-to-unknown", $"Indicators:{i}:AppliesTo:{a}", $"Nội dung “{indicator.Code}” áp dụng cho khối “{indicator.AppliesTo[a]}” không có trong danh sách khối.");
        }
        return codes;
    }

    private static string HoleValue(long low, long high) =>
        low == high ? low.ToString(CultureInfo.InvariantCulture)
        : high == long.MaxValue ? $"≥ {low.ToString(CultureInfo.InvariantCulture)}"
        : $"{low.ToString(CultureInfo.InvariantCulture)}–{high.ToString(CultureInfo.InvariantCulture)}";

    private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (var i = 0; i < list.Count; i++)
            if (ReferenceEquals(list[i], item)) return i;
        return -1;
    }

    private static string Key(string prefix, string key) => string.IsNullOrEmpty(prefix) ? key : $"{prefix}:{key}";

    private static bool IsKnownTimeZone(string id) => Time.CampaignCalendar.IsKnownZone(id);
}
