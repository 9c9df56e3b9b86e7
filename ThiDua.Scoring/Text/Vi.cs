using System.Globalization;
using ThiDua.Scoring.Awards;

namespace ThiDua.Scoring.Text;

/// <summary>vi-VN formatting for the Vietnamese sentences the engine produces.</summary>
public static class Vi
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Vietnamese collation, for every list of names shown to people.</summary>
    public static readonly StringComparer Collation = StringComparer.Create(Culture, CompareOptions.None);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", Culture);

    public static string Number(decimal value, int decimals = 2) => value.ToString("N" + decimals, Culture);

    /// <summary>A fraction as a percentage with two decimals: 0.825 → "82,50%".</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("N2", Culture) + "%";

    /// <summary>A content's letter as the plan writes it: the code "dd" is the plan's "đ".</summary>
    public static string ContentLetter(string code) => code == "dd" ? "đ" : code;

    /// <summary>A 766 classification as the index names it: Xuất sắc, Tốt, Khá, Trung bình, Yếu.</summary>
    public static string Rating(CityRating rating) => rating switch
    {
        CityRating.XuatSac => "Xuất sắc",
        CityRating.Tot => "Tốt",
        CityRating.Kha => "Khá",
        CityRating.TrungBinh => "Trung bình",
        _ => "Yếu",
    };
}
