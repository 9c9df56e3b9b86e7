using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Campaigns;

/// <summary>The example in docs/campaign-file.md is a file the reader takes, so the documentation cannot fall behind the format.</summary>
public sealed class CampaignFileDocsTests
{
    [Fact]
    public void DocsExample_Reads_WithoutAnyFinding()
    {
        var markdown = File.ReadAllText(Path.Combine(SettingsFileTests.RepositoryRoot(), "docs", "campaign-file.md"));
        var start = markdown.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = markdown[start..markdown.IndexOf("```", start, StringComparison.Ordinal)];

        var report = CampaignFileReader.Read(json);

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        Assert.Equal("vi-du-2026", report.Definition!.Rules.Code);
        Assert.Equal("x-thanh-hoa", UnitLineage.ToUnitInfos(report.Definition.Units).Single(u => u.Code == "x-dong-thanh").MergedInto);
    }
}
