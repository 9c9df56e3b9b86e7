using System.Globalization;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Dossier;

/// <summary>The dossier's wording conventions: vi-VN numbers, official dates and the blanks left to fill.</summary>
public static class DossierText
{
    /// <summary>What a document prints where someone must write by hand.</summary>
    public const string Blank = "……";

    public const string DraftMark = "DỰ THẢO";

    /// <summary>"Cần Thơ, ngày 15 tháng 01 năm 2025"; an unknown date leaves day, month and year blank.</summary>
    public static string PlaceAndDate(string place, DateOnly? date)
    {
        var prefix = string.IsNullOrWhiteSpace(place) ? "" : place.Trim() + ", ";
        return date is { } d
            ? prefix + $"ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}".ToString(CultureInfo.InvariantCulture)
            : prefix + $"ngày {Blank} tháng {Blank} năm {Blank}";
    }

    /// <summary>The number line: "Số: 12/TTr-VP" or "Số: ……/TTr-VP" while unregistered.</summary>
    public static string Number(string? number, string kind, string issuerCode) =>
        $"Số: {(string.IsNullOrWhiteSpace(number) ? Blank : number.Trim())}/{kind}-{issuerCode}";

    public static string Score(decimal score) => Vi.Number(score);

    public static string Rank(int rank) => rank > 0 ? rank.ToString(CultureInfo.InvariantCulture) : "—";

    public static string Dossiers(long? count) => count is { } c ? Vi.Count(c) : "chưa có số liệu";

    /// <summary>The proposal's basis, said on every document: the data date and version it was built from.</summary>
    public static string Basis(AwardDossier dossier) => "S" + BasisClause(dossier)[1..] + ".";

    /// <summary>The basis as a clause inside a sentence.</summary>
    public static string BasisClause(AwardDossier dossier) =>
        $"số liệu tính đến ngày {Vi.Date(dossier.AsOf)}, phiên bản dữ liệu {Vi.Count(dossier.Version)}";
}
