using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Campaigns.Files;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>What importing a campaign file gave: the catalog's result when the file could be read, and the findings to show.</summary>
/// <param name="Result">Null when the file itself has errors (nothing reached the catalog).</param>
/// <param name="Report">The reader's own findings, with a syntax error's line and column, and the campaign the file holds when it could be read.</param>
public sealed record CampaignFileImportResult(CampaignResult? Result, CampaignFindings Findings, CampaignFileReport Report)
{
    public bool IsValid => Findings.IsValid && Result is { Outcome: CampaignOutcome.Done };
}

/// <summary>
/// The one way a campaign file comes in, for POST /api/v1/campaigns and the admin page's import alike:
/// the reader's findings (syntax with line and column, types, rules, units), then the catalog's checks
/// and, unless a dry run, the draft stored.
/// </summary>
public static class CampaignFileImport
{
    public static async Task<CampaignFileImportResult> ImportAsync(Stream file, bool dryRun, CampaignCatalog catalog, WriteActor actor, CancellationToken ct = default)
    {
        var report = CampaignFileReader.Read(file);
        var findings = CampaignFindings.Of(report);
        if (!report.IsValid) return new(null, findings, report);
        var result = await catalog.ImportAsync(report.Definition!, dryRun, actor, ct);
        // The reader's findings: the catalog's checks are the same ones, and the reader adds what only the text shows.
        return result.Outcome == CampaignOutcome.Done
            ? new(result with { Findings = findings }, findings, report)
            : new(result, result.Findings, report);
    }
}
