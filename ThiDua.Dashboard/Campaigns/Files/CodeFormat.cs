using System.Text.RegularExpressions;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// The spelling of campaign and unit codes: lower-case ASCII letters and digits, joined by '-', '_' or
/// '.'. Codes travel in addresses (<c>?campaign=</c>, <c>/don-vi/…</c>) and figure imports lower-case
/// what they read, so a code outside this spelling could never be reached or receive a figure.
/// </summary>
public static partial class CodeFormat
{
    public const int MaxLength = 64;

    public const string Rule = "chỉ gồm chữ thường không dấu (a–z), chữ số và dấu nối (-, _ hoặc .), bắt đầu và kết thúc bằng chữ hoặc số";

    public static bool IsValid(string? code) => code is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(?:[-_.][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
