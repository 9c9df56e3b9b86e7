using System.Globalization;
using System.Text;

namespace ThiDua.Dashboard.Export;

/// <summary>Excel's rules for sheet names: at most 31 characters, none of <c>: \ / ? * [ ]</c>, no quote at either end, unique ignoring case.</summary>
public static class SheetNames
{
    public const int MaxLength = 31;

    private const string Fallback = "Trang";

    /// <summary>A legal name for each wanted one, in order, unique among themselves (ignoring case).</summary>
    public static IReadOnlyList<string> MakeUnique(IEnumerable<string> wanted)
    {
        var taken = new HashSet<string>(StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase));
        var names = new List<string>();
        foreach (var name in wanted)
        {
            var legal = Clean(name);
            var candidate = legal;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                var suffix = $" ({n})";
                candidate = Cut(legal, MaxLength - suffix.Length) + suffix;
            }
            names.Add(candidate);
        }
        return names;
    }

    /// <summary>One name made legal: forbidden characters become spaces, then it is cut to 31 characters.</summary>
    public static string Clean(string name)
    {
        var text = new StringBuilder(name.Normalize(NormalizationForm.FormC));
        for (var i = 0; i < text.Length; i++)
            if (text[i] is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(text[i])) text[i] = ' ';
        var cleaned = Cut(text.ToString().Trim().Trim('\'').Trim(), MaxLength);
        // "History" is reserved by Excel for its change-tracking sheet.
        return cleaned.Length == 0 || cleaned.Equals("History", StringComparison.OrdinalIgnoreCase) ? Fallback : cleaned;
    }

    /// <summary>
    /// Cuts to a length without splitting a surrogate pair, at the last word boundary when one lies in the second
    /// half (a tab reading "Cơ quan chuyên môn thuộc UBND t" helps nobody), and drops what would end in a space or quote.
    /// </summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        if (!char.IsWhiteSpace(text[end]) && text.LastIndexOf(' ', end - 1) is var space && space > length / 2) end = space;
        return text[..end].TrimEnd().TrimEnd('\'').TrimEnd();
    }
}
