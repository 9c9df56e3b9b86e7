using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>The three states of a campaign, as stored and as the API spells them.</summary>
public static class CampaignStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Closed = "closed";
}

/// <summary>One row of <c>campaigns</c>: who it is, its state, and its rules.</summary>
public sealed record CampaignRecord(
    long Id, string Code, string Name, DateOnly? PeriodStart, DateOnly? PeriodEnd, string Status, bool IsDefault, CampaignRules Rules,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public CampaignKey Key => new(Id);

    public bool IsClosed => Status == CampaignStatus.Closed;

    public bool IsDraft => Status == CampaignStatus.Draft;
}

/// <summary>One predecessor of a unit: its code, and the campaign and name it was found under (null when none has it).</summary>
public sealed record UnitPredecessor(string Code, string? Campaign, string? Name);
