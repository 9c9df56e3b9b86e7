using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// What adding to a content's numerator means in a data officer's words ("số hóa thêm 214 hồ sơ").
/// Contents are campaign configuration, so an unknown code falls back to a plain sentence.
/// </summary>
public static class ContentActions
{
    private static readonly Dictionary<string, string> Phrases = new(StringComparer.Ordinal)
    {
        ["a"] = "thêm {0} hồ sơ trực tuyến toàn trình",
        ["b"] = "thêm {0} hồ sơ thanh toán trực tuyến",
        ["c"] = "số hóa thêm {0} hồ sơ",
        ["d"] = "cấp thêm {0} kết quả giải quyết điện tử",
        ["dd"] = "tái sử dụng dữ liệu số hóa cho thêm {0} hồ sơ",
        ["e"] = "công bố, công khai đúng hạn thêm {0} thủ tục",
        ["g"] = "đồng bộ thêm {0} hồ sơ lên Cổng Dịch vụ công quốc gia",
        ["h"] = "xử lý đúng hạn thêm {0} phản ánh, kiến nghị",
        ["i"] = "thêm {0} lượt đánh giá hài lòng",
    };

    public static string Describe(string indicator, long add) =>
        string.Format(Vi.Culture, Phrases.GetValueOrDefault(indicator, $"tăng tử số nội dung {Vi.ContentLetter(indicator)} thêm {{0}}"), Vi.Count(add));
}
