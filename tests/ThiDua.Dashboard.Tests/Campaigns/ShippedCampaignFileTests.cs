using ThiDua.Dashboard.Campaigns.Files;

namespace ThiDua.Dashboard.Tests.Campaigns;

/// <summary>campaigns/can-tho-2024.json is the campaign the app runs today; these keep the two from drifting apart.</summary>
public sealed class ShippedCampaignFileTests
{
    private static CampaignFileReport ReadShipped()
    {
        using var stream = File.OpenRead(CanTho2024.ShippedFilePath);
        return CampaignFileReader.Read(stream);
    }

    [Fact]
    public void ShippedFile_Reads_WithoutErrorAndOnlyThePlansCommuneHole()
    {
        var report = ReadShipped();

        Assert.Empty(report.Errors);
        // The plan's own wording leaves a commune with exactly 2,000 dossiers in no group.
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("dossier-hole", warning.Code);
        Assert.Contains("đúng 2.000 hồ sơ", warning.Message);
    }

    [Fact]
    public void ShippedFile_EqualsTheSettingsRulesAndTheUnitSeed()
    {
        var shipped = ReadShipped().Definition!;
        var expected = CanTho2024.FromSettingsAndSeed();

        // The writer writes every field, so equal files are equal campaigns.
        Assert.Equal(CampaignFileWriter.WriteString(expected), CampaignFileWriter.WriteString(shipped));
        Assert.Equal(CanTho2024.Code, shipped.Rules.Code);
        Assert.Equal(new DateOnly(2025, 1, 15), shipped.Rules.DossierDeadline);
        Assert.Equal(111, shipped.Units.Count);
    }

    [Fact]
    public void ShippedFile_ThoiBinh_TakesOverAnCuAnNghiepAnPhuFrom1November2024()
    {
        var units = ReadShipped().Definition!.Units.ToDictionary(u => u.Code);

        Assert.Equal(["p-an-cu", "p-an-nghiep", "p-an-phu"], units["p-thoi-binh"].Predecessors);
        Assert.All(units["p-thoi-binh"].Predecessors, p => Assert.Equal(new DateOnly(2024, 10, 31), units[p].ActiveTo));
        Assert.Equal(4, units.Values.Count(u => u.Predecessors.Count > 0 || u.ActiveTo is not null));
    }

    [Fact]
    public void ShippedFile_AsEngineUnits_IsTheSeed()
    {
        var units = UnitLineage.ToUnitInfos(ReadShipped().Definition!.Units);

        Assert.Equal(ThiDua.Dashboard.Storage.UnitSeed.Load(ThiDua.Dashboard.Storage.UnitSeed.CanTho2024).Units, units);
    }
}
