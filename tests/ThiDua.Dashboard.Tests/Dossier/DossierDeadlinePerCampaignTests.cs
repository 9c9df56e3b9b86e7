using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Tests.CampaignCore;

namespace ThiDua.Dashboard.Tests.Dossier;

/// <summary>The dossier deadline is each campaign's own (its rules' <c>dossierDeadline</c>), not one setting for all.</summary>
public sealed class DossierDeadlinePerCampaignTests
{
    [Fact]
    public async Task Dossier_TwoCampaigns_EachCarriesItsOwnRulesDeadline()
    {
        await using var host = new CampaignApiHost();
        await host.ActivateTestCampaignAsync();
        var engines = host.Api.Services.GetRequiredService<CampaignEngines>();
        var test = await engines.GetAsync(CampaignApiHost.TestCode);
        var planned = await engines.GetAsync(CampaignApiHost.DefaultCode);

        var testDossier = await test!.GetRequired<DossierSource>().DraftAsync(new DateOnly(2026, 6, 30));
        var plannedDossier = await planned!.GetRequired<DossierSource>().DraftAsync(new DateOnly(2024, 6, 30));

        Assert.Equal(new DateOnly(2026, 12, 20), testDossier.Deadline); // chuyen-doi-so-2026.json
        Assert.Equal(new DateOnly(2025, 1, 15), plannedDossier.Deadline); // ThiDua:Campaign:DossierDeadline
    }
}
