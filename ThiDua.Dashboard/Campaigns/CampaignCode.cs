using System.Text.RegularExpressions;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// The spelling of a campaign code in an address (<c>?campaign=</c>): lower-case ASCII letters and
/// digits joined by '-', '_' or '.', at most 64 characters, the same rule the campaign file follows.
/// </summary>
public static partial class CampaignCode
{
    public const int MaxLength = 64;

    public static bool IsWellFormed(string? code) => code is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(?:[-_.][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
