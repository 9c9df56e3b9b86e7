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

    /// <summary>
    /// True when every word of the query begins a word of the text, both folded ("an hoa" finds "Phường An Hòa"
    /// but not "Sở Văn hóa"); an empty query matches everything.
    /// </summary>
    public static bool Matches(string text, string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return true;
        var words = Words(Fold(text));
        return Words(Fold(query)).All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal)));
    }

    /// <summary>Letters and digits in runs: punctuation and the hyphens of unit codes separate words.</summary>
    private static List<string> Words(string folded)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }
        return words;
    }
}
