namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>Collects errors and warnings while a file is read, each located by its JSON path.</summary>
internal sealed class Findings
{
    public List<CampaignFileFinding> Errors { get; } = [];

    public List<CampaignFileFinding> Warnings { get; } = [];

    public void Error(string code, string path, string message) =>
        Errors.Add(new CampaignFileFinding(code, path, FileLocation.Sentence(path, message)));

    public void Warning(string code, string path, string message) =>
        Warnings.Add(new CampaignFileFinding(code, path, FileLocation.Sentence(path, message)));
}
