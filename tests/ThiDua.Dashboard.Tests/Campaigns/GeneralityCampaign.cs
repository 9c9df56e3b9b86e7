using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;

namespace ThiDua.Dashboard.Tests.Campaigns;

/// <summary>The test campaign of Campaigns/TestData/chuyen-doi-so-2026.json (see the README beside it).</summary>
internal static class GeneralityCampaign
{
    public const string Code = "chuyen-doi-so-2026";

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Campaigns", "TestData", Code + ".json");

    public static CampaignFileReport Read()
    {
        using var stream = File.OpenRead(FilePath);
        return CampaignFileReader.Read(stream);
    }

    public static CampaignDefinition Load() =>
        Read().Definition ?? throw new InvalidOperationException($"{FilePath} does not read without errors.");
}
