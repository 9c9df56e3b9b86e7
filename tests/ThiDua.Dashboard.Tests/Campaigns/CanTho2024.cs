using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Tests.Demo;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Campaigns;

/// <summary>The 2024 campaign as the app has it today (appsettings.json and the unit seed), and as the shipped file has it.</summary>
internal static class CanTho2024
{
    public const string Code = "can-tho-2024";

    public static string ShippedFilePath => Path.Combine(SettingsFileTests.RepositoryRoot(), "campaigns", Code + ".json");

    /// <summary>The rules bound from appsettings.json (named by the file's code, which the settings section lacks) and the seed's units.</summary>
    public static CampaignDefinition FromSettingsAndSeed()
    {
        var rules = DemoCampaignTests.LoadRules();
        return new CampaignDefinition(rules with { Code = Code }, UnitLineage.FromUnitInfos(UnitSeed.Load(UnitSeed.CanTho2024).Units));
    }
}
