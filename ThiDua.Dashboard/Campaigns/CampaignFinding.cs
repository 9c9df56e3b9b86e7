namespace ThiDua.Dashboard.Campaigns;

/// <summary>One thing found in a campaign's rules or units: a stable code, where (a JSON path), and a Vietnamese sentence.</summary>
public sealed record CampaignFinding(string Code, string Path, string Message);

/// <summary>Every error and warning found; the campaign can be stored or activated only without errors.</summary>
public sealed record CampaignFindings(IReadOnlyList<CampaignFinding> Errors, IReadOnlyList<CampaignFinding> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
