using System.Globalization;
using System.Text;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// Says in Vietnamese where a JSON path of a campaign file points, and turns the rule validator's
/// configuration keys (<c>Groups:3:MinDossiers</c>) into those paths: an organiser knows "nhóm thứ 4,
/// cận dưới số hồ sơ", not a settings key.
/// </summary>
internal static class FileLocation
{
    // A list's items by their noun, and the list itself when the path stops there.
    private static readonly Dictionary<string, (string Item, string List)> Lists = new(StringComparer.Ordinal)
    {
        ["blocks"] = ("khối", "danh sách khối"),
        ["groups"] = ("nhóm", "danh sách nhóm"),
        ["indicators"] = ("nội dung", "danh sách nội dung thi đua"),
        ["units"] = ("đơn vị", "danh sách đơn vị"),
        ["committeeSlots"] = ("suất khen xét chọn", "các suất khen xét chọn"),
        ["tieBreakers"] = ("tiêu chí phân định đồng hạng", "các tiêu chí phân định đồng hạng"),
        ["appliesTo"] = ("khối áp dụng", "các khối áp dụng"),
        ["predecessors"] = ("đơn vị tiền thân", "các đơn vị tiền thân"),
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["code"] = "mã",
        ["name"] = "tên",
        ["timeZone"] = "múi giờ",
        ["periodStart"] = "ngày bắt đầu đợt thi đua",
        ["periodEnd"] = "ngày kết thúc đợt thi đua",
        ["registrationDeadline"] = "hạn đăng ký thi đua",
        ["dossierDeadline"] = "hạn nộp hồ sơ khen thưởng",
        ["comparisonDays"] = "số ngày so sánh biến động",
        ["count"] = "số suất",
        ["minCityRating"] = "xếp loại tối thiểu của thành phố",
        ["block"] = "khối",
        ["minDossiers"] = "cận dưới số hồ sơ",
        ["minInclusive"] = "tính cả cận dưới",
        ["maxDossiers"] = "cận trên số hồ sơ",
        ["maxInclusive"] = "tính cả cận trên",
        ["awardSlots"] = "số suất khen",
        ["maxPoints"] = "điểm tối đa",
        ["fullCreditAt"] = "tỷ lệ đạt điểm tối đa",
        ["whenNothingArose"] = "cách tính khi không phát sinh",
        ["nq02MinRate"] = "ngưỡng Nghị quyết 02",
        ["district"] = "quận, huyện",
        ["activeFrom"] = "ngày bắt đầu hiệu lực",
        ["activeTo"] = "ngày hết hiệu lực",
    };

    /// <summary>
    /// <c>Groups:3:MinDossiers</c> (a validator key without prefix) as the file's <c>groups[3].minDossiers</c>,
    /// or, not <paramref name="camelCase"/>, as the form's <c>Groups[3].MinDossiers</c>.
    /// </summary>
    public static string PathOfKey(string key, bool camelCase = true)
    {
        var path = new StringBuilder();
        foreach (var segment in key.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                path.Append('[').Append(segment).Append(']');
            else
                path.Append(path.Length == 0 ? "" : ".").Append(camelCase ? char.ToLowerInvariant(segment[0]) : segment[0]).Append(segment.AsSpan(1));
        }
        return path.ToString();
    }

    /// <summary>
    /// The sentence an organiser reads: "Nhóm thứ 4, cận dưới số hồ sơ (groups[3].minDossiers): …";
    /// a finding about the file as a whole is just the message.
    /// </summary>
    public static string Sentence(string path, string message) =>
        path.Length == 0 ? message : $"{Capitalise(Describe(path))} ({path}): {message}";

    /// <summary>"groups[3].minDossiers" as "nhóm thứ 4, cận dưới số hồ sơ".</summary>
    public static string Describe(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            var name = bracket < 0 ? segment : segment[..bracket];
            if (bracket < 0)
            {
                parts.Add(Lists.TryGetValue(name, out var l) ? l.List : Fields.GetValueOrDefault(name, $"trường “{name}”"));
                continue;
            }
            var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            var noun = Lists.TryGetValue(name, out var known) ? known.Item : $"mục của “{name}”";
            parts.Add($"{noun} thứ {index + 1}");
        }
        return string.Join(", ", parts);
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpper(text[0], CultureInfo.InvariantCulture).ToString(), text.AsSpan(1));
}
