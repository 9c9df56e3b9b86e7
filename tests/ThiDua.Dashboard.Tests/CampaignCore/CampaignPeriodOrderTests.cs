using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Campaigns;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>"Earlier" means an earlier period, whatever order the campaigns were created in.</summary>
public sealed class CampaignPeriodOrderTests
{
    [Fact]
    public async Task Campaigns_CreatedOutOfPeriodOrder_ListedAndLineageResolvedByPeriod()
    {
        await using var host = new CampaignApiHost();
        // 2026's campaign is created first, 2025's afterwards.
        await CopyAsync(host, "nam-2026", "2025-12-15", "2026-12-14");
        await CopyAsync(host, "nam-2025", "2024-12-15", "2025-12-14");
        var store = host.Api.Services.GetRequiredService<CampaignStore>();
        // In 2026 p-an-hoa is gone and p-cai-khe continues it: its predecessor is last year's p-an-hoa (2025), not 2024's.
        var units2026 = await store.UnitsAsync((await store.GetAsync("nam-2026"))!.Id);
        Assert.NotNull(await store.ReplaceUnitsAsync("nam-2026", [.. units2026.Where(u => u.Code != "p-an-hoa")
            .Select(u => u.Code == "p-cai-khe" ? u with { Predecessors = ["p-an-hoa"] } : u)]));

        var listed = (await host.GetJsonAsync("api/v1/campaigns")).EnumerateArray().Select(c => c.GetProperty("code").GetString());
        var lineage = await store.LineageAsync((await store.GetAsync("nam-2026"))!.Id, "p-cai-khe");

        Assert.Equal([CampaignApiHost.DefaultCode, "nam-2025", "nam-2026"], listed);
        Assert.Equal([CampaignApiHost.DefaultCode, "nam-2025", "nam-2026"], (await store.ListAsync()).Select(c => c.Code));
        Assert.Equal(("p-an-hoa", "nam-2025"), (Assert.Single(lineage).Code, lineage[0].Campaign));
    }

    private static async Task CopyAsync(CampaignApiHost host, string code, string periodStart, string periodEnd)
    {
        using var copied = await host.Admin.PostAsJsonAsync($"api/v1/campaigns/{CampaignApiHost.DefaultCode}/copy",
            new { code, name = code, periodStart, periodEnd });
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
    }
}
