using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Configuration;

/// <summary>
/// What the rules validator found worth knowing but not worth refusing to start for (e.g. a
/// dossier count that falls in no group), kept for the admin page and the API.
/// </summary>
public sealed class CampaignWarnings(IReadOnlyList<RuleIssue> items)
{
    public IReadOnlyList<RuleIssue> Items { get; } = items;
}
