using System.Globalization;
using System.Text;

namespace ThiDua.Scoring.Text;

/// <summary>
/// Accent-insensitive matching of Vietnamese names, for every search box: people type on phones
/// without diacritics ("cai khe" for "Phường Cái Khế"). The one place the folding lives.
/// </summary>
public static class ViSearch
{
    /// <summary>
    /// Lower case without diacritics, "đ"/"Đ" as "d" (a letter of its own, not a base letter with a mark,
    /// so Unicode decomposition alone keeps it), runs of white space as one space.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!space) folded.Append(' ');
                space = true;
                continue;
            }
            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            space = false;
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>True when every word of the query occurs in the text, both folded; an empty query matches everything.</summary>
    public static bool Matches(string text, string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return true;
        var haystack = Fold(text);
        return Fold(query).Split(' ').All(word => haystack.Contains(word, StringComparison.Ordinal));
    }
}
