using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>A whole campaign as a file holds it: its rules (with their code) and its own unit list.</summary>
public sealed record CampaignDefinition(CampaignRules Rules, IReadOnlyList<CampaignUnit> Units);
