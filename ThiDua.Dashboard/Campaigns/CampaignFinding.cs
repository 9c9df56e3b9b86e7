using ThiDua.Dashboard.Campaigns.Files;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>One thing found in a campaign's rules or units: a stable code, where (a JSON path), and a Vietnamese sentence.</summary>
public sealed record CampaignFinding(string Code, string Path, string Message);

/// <summary>Every error and warning found; the campaign can be stored or activated only without errors.</summary>
public sealed record CampaignFindings(IReadOnlyList<CampaignFinding> Errors, IReadOnlyList<CampaignFinding> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The campaign file reader's findings, as the API and the catalog carry them (a syntax error's line and column are in its message).</summary>
    public static CampaignFindings Of(IReadOnlyList<CampaignFileFinding> errors, IReadOnlyList<CampaignFileFinding> warnings) =>
        new([.. errors.Select(Of)], [.. warnings.Select(Of)]);

    public static CampaignFindings Of(CampaignFileReport report) => Of(report.Errors, report.Warnings);

    /// <summary>What a campaign must satisfy to be stored: every check of the campaign file reader.</summary>
    public static CampaignFindings Check(CampaignDefinition definition) => Of(CampaignFileReader.Check(definition));

    private static CampaignFinding Of(CampaignFileFinding finding) => new(finding.Code, finding.Path, finding.Message);
}
