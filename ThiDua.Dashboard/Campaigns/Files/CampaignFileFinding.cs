namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// One thing found in a campaign file, for the organiser who wrote it.
/// </summary>
/// <param name="Code">Stable machine code: the rule validator's own (<c>dossier-hole</c>, <c>group-overlap</c>…) or the file's (<c>json-syntax</c>, <c>unit-code-duplicate</c>…).</param>
/// <param name="Path">Where in the file, as a JSON path (<c>groups[3].minDossiers</c>); empty for the file as a whole.</param>
/// <param name="Message">A Vietnamese sentence that names the place in words before saying what is wrong.</param>
/// <param name="Line">For a syntax error, the 1-based line; otherwise null.</param>
/// <param name="Column">For a syntax error, the 1-based character column; otherwise null.</param>
public sealed record CampaignFileFinding(string Code, string Path, string Message, int? Line = null, int? Column = null);

/// <summary>What reading a campaign file gave: the definition when it has no error, and every finding.</summary>
public sealed record CampaignFileReport(
    CampaignDefinition? Definition,
    IReadOnlyList<CampaignFileFinding> Errors,
    IReadOnlyList<CampaignFileFinding> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>What reading one part of a campaign file (its rules, or its units) gave: the part when it has no error, and every finding.</summary>
public sealed record CampaignFilePart<T>(
    T? Value,
    IReadOnlyList<CampaignFileFinding> Errors,
    IReadOnlyList<CampaignFileFinding> Warnings) where T : class
{
    public bool IsValid => Errors.Count == 0;
}
