using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Tests.Live;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>
/// The proof of generality at the API and hub: a campaign defined only by <c>thu-nghiem-2026.json</c>
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
        Assert.Equal(9, units.GetArrayLength());
        Assert.All(units.EnumerateArray(), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("district").ValueKind));

        // Lineage: mot-c continues two units of its own campaign; ba-b a unit of the earlier campaign.
        var store = host.Api.Services.GetRequiredService<CampaignStore>();
        var testId = (await store.GetAsync(Test))!.Id;
        Assert.Equal([new UnitPredecessor("mot-x", Test, "Đơn vị Một X"), new UnitPredecessor("mot-y", Test, "Đơn vị Một Y")],
            await store.LineageAsync(testId, "mot-c"));
        Assert.Equal([new UnitPredecessor("so-xay-dung", CampaignApiHost.DefaultCode, "Sở Xây dựng")], await store.LineageAsync(testId, "ba-b"));

        // A subscribed hub client hears the test campaign; one that did not subscribe does not.
        var subscribed = new MessageLog();
        var other = new MessageLog();
        var connection = await host.ConnectAsync(subscribed.Add);
        await connection.InvokeAsync("Subscribe", Test);
        await host.ConnectAsync(other.Add);

        var defaultBefore = await host.GetJsonAsync("api/v1/leaderboards");
        var version = await host.PostFiguresAsync(Test,
            CampaignApiHost.Figure("mot-a", "dossiers", 800, null, "2026-06-30"),
            CampaignApiHost.Figure("mot-a", "sh", 90, 100, "2026-06-30"),
            CampaignApiHost.Figure("mot-a", "tl", 25, 100, "2026-06-30"),
            CampaignApiHost.Figure("mot-b", "dossiers", 300, null, "2026-06-30"),
            CampaignApiHost.Figure("mot-b", "sh", 45, 100, "2026-06-30"),
            CampaignApiHost.Figure("mot-b", "tl", 50, 100, "2026-06-30"),
            CampaignApiHost.Figure("ba-a", "dossiers", 50, null, "2026-06-30"),
            CampaignApiHost.Figure("ba-a", "hl", 10, 10, "2026-06-30"));

        var pushed = await subscribed.WaitFor(m => m.GetProperty("campaign").GetString() == Test && m.GetProperty("block").GetString() == "khoi-mot");
        Assert.True(pushed.GetProperty("version").GetInt64() >= version);

        // The board on the test campaign's own scale: mot-a 40 + 30 = 70 (of 100), mot-b 20 + 60 = 80.
        var boards = await host.GetJsonAsync($"api/v1/leaderboards?campaign={Test}&asOf=2026-06-30");
        var khoiMot = boards.GetProperty("boards").EnumerateArray().Single(b => b.GetProperty("block").GetString() == "khoi-mot");
        var entries = khoiMot.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal("mot-b", entries[0].GetProperty("unit").GetString());
        Assert.Equal(80m, entries[0].GetProperty("score").GetDecimal());
        Assert.Equal("mot-a", entries[1].GetProperty("unit").GetString());
        Assert.Equal(70m, entries[1].GetProperty("score").GetDecimal());
        var khoiBa = boards.GetProperty("boards").EnumerateArray().Single(b => b.GetProperty("block").GetString() == "khoi-ba");
        // ba-a reported hl only: 25 of the 65 points its block can earn (sh not reported counts 0), shown on a scale of 100.
        Assert.Equal(38.46m, khoiBa.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("unit").GetString() == "ba-a").GetProperty("score").GetDecimal());

        // The hub gives the same boards; the default campaign's did not move.
        var viaHub = await connection.InvokeAsync<JsonElement>("GetCampaignLeaderboards", Test);
        Assert.Contains(viaHub.GetProperty("boards").EnumerateArray(), b => b.GetProperty("block").GetString() == "khoi-ba");
        var defaultAfter = await host.GetJsonAsync("api/v1/leaderboards");
        Assert.Equal(defaultBefore.GetProperty("boards").ToString(), defaultAfter.GetProperty("boards").ToString());
        Assert.DoesNotContain(other.Snapshot(), m => m.GetProperty("campaign").GetString() == Test);

        // Exports and the award process speak of the test campaign.
        using (var csv = await host.Anonymous.GetAsync($"api/v1/leaderboards/export?campaign={Test}&format=csv&asOf=2026-06-30"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains("Đơn vị Một B", text);
            Assert.DoesNotContain("Sở Xây dựng", text);
        }
        var awards = await host.GetJsonAsync($"api/v1/awards?campaign={Test}&asOf=2026-06-30");
        Assert.Contains(awards.GetProperty("slots").EnumerateArray(), s => s.GetProperty("block").GetString() == "khoi-hai");
        Assert.DoesNotContain(awards.GetProperty("slots").EnumerateArray(), s => s.GetProperty("block").GetString() == "so-nganh");
        var proposal = await host.GetJsonAsync($"api/v1/awards/proposal?campaign={Test}");
        Assert.Equal("draft", proposal.GetProperty("state").GetString());
        using (var awardCsv = await host.Anonymous.GetAsync($"api/v1/awards/export?campaign={Test}&format=csv&asOf=2026-06-30"))
            Assert.Equal(HttpStatusCode.OK, awardCsv.StatusCode);
        var campaignRules = await host.GetJsonAsync($"api/v1/campaign?campaign={Test}");
        Assert.Equal(3, campaignRules.GetProperty("blocks").GetArrayLength());
        Assert.Equal(["tl", "sh"], campaignRules.GetProperty("tieBreakers").EnumerateArray().Select(t => t.GetString()));

        // Unsubscribed: the next figure of the test campaign is not pushed to this connection.
        await connection.InvokeAsync("Unsubscribe", Test);
        var count = subscribed.Snapshot().Count(m => m.GetProperty("campaign").GetString() == Test);
        await host.PostFiguresAsync(Test, CampaignApiHost.Figure("hai-a", "dossiers", 700, null, "2026-06-30"));
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
        var testVersion = await host.PostFiguresAsync(Test, CampaignApiHost.Figure("hai-b", "dossiers", 40, null, "2026-06-30"));
        Assert.True(testVersion > defaultVersion, "one version counter for every campaign");
        await testOnly.WaitFor(m => m.GetProperty("campaign").GetString() == Test && MessageLog.Version(m) >= testVersion);
        var defaultAfter = await host.GetJsonAsync("api/v1/leaderboards");
        Assert.Equal(defaultBefore.GetProperty("boards").ToString(), defaultAfter.GetProperty("boards").ToString());
        Assert.DoesNotContain(defaultOnly.Snapshot(), m => m.GetProperty("campaign").GetString() == Test);
        Assert.All(testOnly.Snapshot().Where(m => m.GetProperty("campaign").GetString() == Test),
            m => Assert.StartsWith("khoi-", m.GetProperty("block").GetString()));
    }
}
