using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Tests.Campaigns;
using ThiDua.Dashboard.Tests.Live;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>
/// The proof of generality at the API and hub: a campaign defined only by <c>Campaigns/TestData/chuyen-doi-so-2026.json</c>
/// (no districts, three blocks, other contents, another scale and tie-breakers) is imported, activated and
/// run beside the default campaign, and neither moves the other.
/// </summary>
public sealed class CampaignGeneralityTests
{
    private const string Test = CampaignApiHost.TestCode;

    [Fact]
    public async Task CampaignsApi_TestCampaignFromAFile_ImportsActivatesAndRunsThroughBoardsExportsAwardsAndTheHub()
    {
        await using var host = new CampaignApiHost();

        // Before: one campaign, the settings' one, the default.
        var before = await host.GetJsonAsync("api/v1/campaigns");
        var first = Assert.Single(before.EnumerateArray());
        Assert.Equal(CampaignApiHost.DefaultCode, first.GetProperty("code").GetString());
        Assert.Equal("active", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("isDefault").GetBoolean());
        Assert.Equal("2023-12-15", first.GetProperty("periodStart").GetString());

        // A dry run answers the findings and stores nothing.
        using (var dry = await host.ImportAsync(CampaignApiHost.CampaignFile(), "true"))
        {
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            Assert.True((await dry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
        }
        Assert.Single((await host.GetJsonAsync("api/v1/campaigns")).EnumerateArray());

        // Imported as a draft: 201 with its address; a draft has no boards yet (409).
        using (var created = await host.ImportAsync(CampaignApiHost.CampaignFile()))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/api/v1/campaigns/{Test}", created.Headers.Location!.OriginalString);
            Assert.Equal("draft", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("status").GetString());
        }
        using (var draftBoards = await host.Anonymous.GetAsync($"api/v1/leaderboards?campaign={Test}"))
            Assert.Equal(HttpStatusCode.Conflict, draftBoards.StatusCode);
        using (var activated = await host.Admin.PostAsync($"api/v1/campaigns/{Test}/activate", null))
        {
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
            Assert.Equal("active", (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("status").GetString());
        }

        // Its own units, without districts.
        var units = await host.GetJsonAsync($"api/v1/units?campaign={Test}");
        Assert.Equal(15, units.GetArrayLength());
        Assert.All(units.EnumerateArray(), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("district").ValueKind));

        // Lineage: x-thanh-hoa continues two communes of its own campaign; p-ninh-kieu three wards of the earlier campaign.
        var store = host.Api.Services.GetRequiredService<CampaignStore>();
        var testId = (await store.GetAsync(Test))!.Id;
        Assert.Equal([new UnitPredecessor("x-dong-thanh", Test, "Xã Đông Thạnh"), new UnitPredecessor("x-tay-thanh", Test, "Xã Tây Thạnh")],
            await store.LineageAsync(testId, "x-thanh-hoa"));
        Assert.Equal([new UnitPredecessor("p-an-hoa", CampaignApiHost.DefaultCode, "Phường An Hòa"), new UnitPredecessor("p-cai-khe", CampaignApiHost.DefaultCode, "Phường Cái Khế"),
            new UnitPredecessor("p-tan-an", CampaignApiHost.DefaultCode, "Phường Tân An")], await store.LineageAsync(testId, "p-ninh-kieu"));

        // A subscribed hub client hears the test campaign; one that did not subscribe does not.
        var subscribed = new MessageLog();
        var other = new MessageLog();
        var connection = await host.ConnectAsync(subscribed.Add);
        await connection.InvokeAsync("Subscribe", Test);
        await host.ConnectAsync(other.Add);

        var defaultBefore = await host.GetJsonAsync("api/v1/leaderboards");
        var version = await host.PostFiguresAsync(Test,
            CampaignApiHost.Figure("s-noi-vu", "dossiers", 800, null, "2026-06-30"),
            CampaignApiHost.Figure("s-noi-vu", "dung-han", 95, 100, "2026-06-30"),
            CampaignApiHost.Figure("s-noi-vu", "so-hoa", 45, 100, "2026-06-30"),
            CampaignApiHost.Figure("s-noi-vu", "hai-long", 85, 100, "2026-06-30"),
            CampaignApiHost.Figure("s-tu-phap", "dossiers", 300, null, "2026-06-30"),
            CampaignApiHost.Figure("s-tu-phap", "dung-han", 95, 100, "2026-06-30"),
            CampaignApiHost.Figure("s-tu-phap", "truc-tuyen", 70, 100, "2026-06-30"),
            CampaignApiHost.Figure("s-tu-phap", "so-hoa", 90, 100, "2026-06-30"),
            CampaignApiHost.Figure("x-my-khanh", "dossiers", 50, null, "2026-06-30"),
            CampaignApiHost.Figure("x-my-khanh", "dung-han", 0, 0, "2026-06-30"),
            CampaignApiHost.Figure("x-my-khanh", "so-hoa", 0, 0, "2026-06-30"),
            CampaignApiHost.Figure("x-my-khanh", "hai-long", 17, 20, "2026-06-30"),
            CampaignApiHost.Figure("x-my-khanh", "phan-anh", 0, 0, "2026-06-30"));

        var pushed = await subscribed.WaitFor(m => m.GetProperty("campaign").GetString() == Test && m.GetProperty("block").GetString() == "so-ban-nganh");
        Assert.True(pushed.GetProperty("version").GetInt64() >= version);

        // The board on the test campaign's own scale (phan-anh does not apply to departments: 90 points to earn, shown on a scale of 100):
        // s-tu-phap 30 + 25 + 20 = 75 → 83.33; s-noi-vu 30 + 10 + 15 = 55 → 61.11 (truc-tuyen not reported counts 0).
        var boards = await host.GetJsonAsync($"api/v1/leaderboards?campaign={Test}&asOf=2026-06-30");
        var departments = boards.GetProperty("boards").EnumerateArray().Single(b => b.GetProperty("block").GetString() == "so-ban-nganh");
        var entries = departments.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("s-tu-phap", entries[0].GetProperty("unit").GetString());
        Assert.Equal(83.33m, entries[0].GetProperty("score").GetDecimal());
        Assert.Equal("s-noi-vu", entries[1].GetProperty("unit").GetString());
        Assert.Equal(61.11m, entries[1].GetProperty("score").GetDecimal());
        var smallCommunes = boards.GetProperty("boards").EnumerateArray()
            .Single(b => b.GetProperty("block").GetString() == "xa" && b.GetProperty("group").GetString() == "duoi-2000");
        // x-my-khanh, nothing arose in three contents: dung-han excluded (70 points left to earn), so-hoa 0, phan-anh full 10;
        // with hai-long 17/20 (15): 25 of 70, shown on a scale of 100.
        Assert.Equal(35.71m, smallCommunes.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("unit").GetString() == "x-my-khanh").GetProperty("score").GetDecimal());

        // The hub gives the same boards; the default campaign's did not move.
        var viaHub = await connection.InvokeAsync<JsonElement>("GetCampaignLeaderboards", Test);
        Assert.Contains(viaHub.GetProperty("boards").EnumerateArray(), b => b.GetProperty("block").GetString() == "so-ban-nganh");
        var defaultAfter = await host.GetJsonAsync("api/v1/leaderboards");
        Assert.Equal(defaultBefore.GetProperty("boards").ToString(), defaultAfter.GetProperty("boards").ToString());
        Assert.DoesNotContain(other.Snapshot(), m => m.GetProperty("campaign").GetString() == Test);

        // Exports and the award process speak of the test campaign.
        using (var csv = await host.Anonymous.GetAsync($"api/v1/leaderboards/export?campaign={Test}&format=csv&asOf=2026-06-30"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains("Sở Tư pháp", text);
            Assert.DoesNotContain("Quận Ninh Kiều", text);
        }
        var awards = await host.GetJsonAsync($"api/v1/awards?campaign={Test}&asOf=2026-06-30");
        Assert.Contains(awards.GetProperty("slots").EnumerateArray(), s => s.GetProperty("block").GetString() == "so-ban-nganh");
        Assert.DoesNotContain(awards.GetProperty("slots").EnumerateArray(), s => s.GetProperty("block").GetString() == "so-nganh");
        var proposal = await host.GetJsonAsync($"api/v1/awards/proposal?campaign={Test}");
        Assert.Equal("draft", proposal.GetProperty("state").GetString());
        using (var awardCsv = await host.Anonymous.GetAsync($"api/v1/awards/export?campaign={Test}&format=csv&asOf=2026-06-30"))
            Assert.Equal(HttpStatusCode.OK, awardCsv.StatusCode);
        var campaignRules = await host.GetJsonAsync($"api/v1/campaign?campaign={Test}");
        Assert.Equal(3, campaignRules.GetProperty("blocks").GetArrayLength());
        Assert.Equal(["dung-han", "hai-long"], campaignRules.GetProperty("tieBreakers").EnumerateArray().Select(t => t.GetString()));

        // Unsubscribed: the next figure of the test campaign is not pushed to this connection.
        await connection.InvokeAsync("Unsubscribe", Test);
        var count = subscribed.Snapshot().Count(m => m.GetProperty("campaign").GetString() == Test);
        await host.PostFiguresAsync(Test, CampaignApiHost.Figure("p-cai-rang", "dossiers", 700, null, "2026-06-30"));
        await host.PostFiguresAsync(null, CampaignApiHost.Figure("so-xay-dung", "dossiers", 10, null, "2024-06-30"));
        await subscribed.WaitFor(m => m.GetProperty("campaign").GetString() == CampaignApiHost.DefaultCode);
        Assert.Equal(count, subscribed.Snapshot().Count(m => m.GetProperty("campaign").GetString() == Test));
    }

    [Fact]
    public async Task TwoActiveCampaigns_AFigureForOne_NeverMovesTheOthersBoardsNorPushesToItsSubscribers()
    {
        await using var host = new CampaignApiHost();
        await host.ActivateTestCampaignAsync();
        var defaultOnly = new MessageLog();
        await host.ConnectAsync(defaultOnly.Add);
        var testOnly = new MessageLog();
        var subscriber = await host.ConnectAsync(testOnly.Add);
        await subscriber.InvokeAsync("Subscribe", Test);

        var testBefore = await host.GetJsonAsync($"api/v1/leaderboards?campaign={Test}");
        var defaultVersion = await host.PostFiguresAsync(null, CampaignApiHost.Figure("so-xay-dung", "dossiers", 1200, null, "2024-06-30"));
        await defaultOnly.WaitFor(m => m.GetProperty("campaign").GetString() == CampaignApiHost.DefaultCode && MessageLog.Version(m) >= defaultVersion);
        var testAfter = await host.GetJsonAsync($"api/v1/leaderboards?campaign={Test}");
        Assert.Equal(testBefore.GetProperty("boards").ToString(), testAfter.GetProperty("boards").ToString());

        var defaultBefore = await host.GetJsonAsync("api/v1/leaderboards");
        var testVersion = await host.PostFiguresAsync(Test, CampaignApiHost.Figure("p-o-mon", "dossiers", 40, null, "2026-06-30"));
        Assert.True(testVersion > defaultVersion, "one version counter for every campaign");
        await testOnly.WaitFor(m => m.GetProperty("campaign").GetString() == Test && MessageLog.Version(m) >= testVersion);
        var defaultAfter = await host.GetJsonAsync("api/v1/leaderboards");
        Assert.Equal(defaultBefore.GetProperty("boards").ToString(), defaultAfter.GetProperty("boards").ToString());
        Assert.DoesNotContain(defaultOnly.Snapshot(), m => m.GetProperty("campaign").GetString() == Test);
        // The test campaign's own boards: its groups, and per block the board of units not yet placed (no group).
        var rules = GeneralityCampaign.Load().Rules;
        var testBoards = rules.Groups.Select(g => (g.Block, (string?)g.Code)).Concat(rules.Blocks.Select(b => (b.Code, (string?)null))).ToHashSet();
        Assert.All(testOnly.Snapshot().Where(m => m.GetProperty("campaign").GetString() == Test),
            m => Assert.Contains((m.GetProperty("block").GetString()!, m.GetProperty("group").GetString()), testBoards));
    }
}
