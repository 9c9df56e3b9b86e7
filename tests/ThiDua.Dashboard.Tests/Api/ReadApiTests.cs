using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ThiDua.Dashboard.Tests.Api;

public sealed class ReadApiTests : ApiTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var response = await Api.PostFigures(new object[]
        {
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = 90, denominator = 100 },
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "dossiers", numerator = 4000 },
            new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "c", numerator = 40, denominator = 100 },
            new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "dossiers", numerator = 3900 },
        });
        response.EnsureSuccessStatusCode();
    }

    private Task<JsonElement> Get(string path) => Api.Client.GetFromJsonAsync<JsonElement>(path);

    [Fact]
    public async Task Campaign_DescribesBlocksGroupsIndicatorsAndTheHoleWarning()
    {
        var campaign = await Get("api/v1/campaign");

        Assert.Equal("Asia/Ho_Chi_Minh", campaign.GetProperty("timeZone").GetString());
        Assert.Equal("2023-12-15", campaign.GetProperty("periodStart").GetString());
        Assert.Equal("2024-04-15", campaign.GetProperty("registrationDeadline").GetString());
        var xa = campaign.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("code").GetString() == "xa");
        var over2000 = xa.GetProperty("groups").EnumerateArray().First();
        Assert.Equal((2000, false, JsonValueKind.Null), (over2000.GetProperty("minDossiers").GetInt64(), over2000.GetProperty("minInclusive").GetBoolean(), over2000.GetProperty("maxDossiers").ValueKind));
        var departments = campaign.GetProperty("blocks")[0];
        Assert.Equal("tham-muu", departments.GetProperty("committeeSlots")[0].GetProperty("code").GetString());
        var a = campaign.GetProperty("indicators")[0];
        Assert.Equal((0.5m, "exclude"), (a.GetProperty("fullCreditAt").GetDecimal(), a.GetProperty("whenNothingArose").GetString()));
        Assert.Equal("dossier-hole", campaign.GetProperty("warnings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Units_ListTheSeedWithTheMerger()
    {
        var units = (await Get("api/v1/units")).EnumerateArray().ToList();

        Assert.Equal(111, units.Count);
        var anCu = units.Single(u => u.GetProperty("code").GetString() == "p-an-cu");
        Assert.Equal(("2024-10-31", "p-thoi-binh"), (anCu.GetProperty("activeTo").GetString(), anCu.GetProperty("mergedInto").GetString()));
        Assert.Equal(JsonValueKind.Null, anCu.GetProperty("registeredOn").ValueKind);
    }

    [Fact]
    public async Task Leaderboards_ListEveryGroupWithRankedEntries()
    {
        var result = await Get("api/v1/leaderboards?asOf=2024-06-30");

        Assert.Equal(1, result.GetProperty("version").GetInt64());
        Assert.Equal("2024-06-30", result.GetProperty("asOf").GetString());
        var boards = result.GetProperty("boards").EnumerateArray().ToList();
        Assert.Equal(9, boards.Count(b => b.GetProperty("group").ValueKind != JsonValueKind.Null));
        var top = boards.Single(b => b.GetProperty("block").GetString() == "phuong" && b.GetProperty("group").GetString() == "tu-3500");
        var entries = top.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["p-an-hoa", "p-cai-khe"], entries.Select(e => e.GetProperty("unit").GetString()));
        Assert.Equal((1, false, 4000), (entries[0].GetProperty("rank").GetInt32(), entries[0].GetProperty("tied").GetBoolean(), entries[0].GetProperty("dossiers").GetInt64()));
        Assert.True(entries[0].GetProperty("score").GetDecimal() > entries[1].GetProperty("score").GetDecimal());
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("previousRank").ValueKind);
        // The other wards have no dossier figure: they stand on the not-grouped board.
        Assert.Contains(boards, b => b.GetProperty("block").GetString() == "phuong" && b.GetProperty("group").ValueKind == JsonValueKind.Null);
    }

    [Theory]
    [InlineData("api/v1/leaderboards?asOf=2025-01-01")]
    [InlineData("api/v1/leaderboards?asOf=30-06-2024")]
    [InlineData("api/v1/awards?asOf=2023-12-14")]
    [InlineData("api/v1/units/p-an-hoa/score?asOf=hôm-nay")]
    public async Task AsOf_OutsideThePeriodOrMalformed_Is400Problem(string path)
    {
        var response = await Api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("api/v1/units/p-khong-co/score")]
    [InlineData("api/v1/units/p-khong-co/figures")]
    public async Task UnknownUnit_Is404Problem(string path)
    {
        var response = await Api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task UnitScore_GivesBreakdownStatesAndWhatItTakes()
    {
        var score = await Get("api/v1/units/p-cai-khe/score?asOf=2024-06-30");

        Assert.Equal(("phuong", "tu-3500", 2), (score.GetProperty("block").GetString(), score.GetProperty("group").GetString(), score.GetProperty("rank").GetInt32()));
        var contents = score.GetProperty("contents").EnumerateArray().ToDictionary(c => c.GetProperty("indicator").GetString()!);
        Assert.Equal(("rate", 0.4m, 5.00m, 10m), (contents["c"].GetProperty("state").GetString(), contents["c"].GetProperty("rate").GetDecimal(),
            contents["c"].GetProperty("points").GetDecimal(), contents["c"].GetProperty("maxPoints").GetDecimal()));
        Assert.Equal("noData", contents["a"].GetProperty("state").GetString());
        Assert.Equal("noData", contents["e"].GetProperty("state").GetString()); // e applies to wards too
        Assert.Equal(JsonValueKind.Null, contents["a"].GetProperty("numerator").ValueKind);
        Assert.Equal((5.00m, 78.00m, 6.41m), (score.GetProperty("earned").GetDecimal(), score.GetProperty("available").GetDecimal(), score.GetProperty("score").GetDecimal()));
        var above = score.GetProperty("toPassAbove");
        Assert.Equal("p-an-hoa", above.GetProperty("unit").GetString());
        var gap = above.GetProperty("byContent")[0];
        Assert.Equal(("c", false), (gap.GetProperty("indicator").GetString(), gap.GetProperty("reachable").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, score.GetProperty("toReachAwardLine").ValueKind); // nobody is registered, so nobody is proposed
    }

    [Fact]
    public async Task UnitScore_AwardLineOutOfReachThroughAnyOneContent_GivesACombinedPlan()
    {
        // Only Phường An Hòa is registered, so its score is the award line: c 10 + d 6 = 16 of 78 → 20.51.
        // Cái Khế has c 5, b 0/100, d 0/10: beating 20.51 takes more than 16 points. b tops out at 10
        // (→ 15), c at 10, d at 6 (→ 11), so no single content is enough. d gives 0.6 a dossier, b and c
        // 0.125: all 10 of d (+6), then 41 of b (+5.125) → 16.125 → 20.67, while 40 of b would tie at 20.51.
        (await Api.Writer.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-04-10" })).EnsureSuccessStatusCode();
        (await Api.PostFigures(new object[]
        {
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "d", numerator = 10, denominator = 10 },
            new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "b", numerator = 0, denominator = 100 },
            new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "d", numerator = 0, denominator = 10 },
        })).EnsureSuccessStatusCode();

        var line = (await Get("/api/v1/units/p-cai-khe/score")).GetProperty("toReachAwardLine");

        Assert.Equal(("p-an-hoa", 20.51m), (line.GetProperty("unit").GetString(), line.GetProperty("score").GetDecimal()));
        Assert.All(line.GetProperty("byContent").EnumerateArray(), g => Assert.False(g.GetProperty("reachable").GetBoolean()));
        Assert.Equal([("b", 41L), ("d", 10L)], line.GetProperty("plan").EnumerateArray()
            .Select(s => (s.GetProperty("indicator").GetString(), s.GetProperty("add").GetInt64())));
    }

    [Fact]
    public async Task Registration_PutThenAwards_ProposesTheRegisteredUnitAndExplainsThePassedOver()
    {
        var put = await Api.Writer.PutAsJsonAsync("api/v1/units/p-cai-khe/registration", new { registeredOn = "2024-04-10" });
        var unauthorized = await Api.Client.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-04-10" });
        var unknown = await Api.Writer.PutAsJsonAsync("api/v1/units/p-khong-co/registration", new { registeredOn = "2024-04-10" });
        var bad = await Api.Writer.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "10/04/2024" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("2024-04-10", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registeredOn").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var awards = await Get("api/v1/awards?asOf=2024-06-30");
        var slot = awards.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("group").GetString() == "tu-3500");
        Assert.Equal(("rank", 2, false), (slot.GetProperty("kind").GetString(), slot.GetProperty("count").GetInt32(), slot.GetProperty("tied").GetBoolean()));
        Assert.Equal("p-cai-khe", Assert.Single(slot.GetProperty("proposed").EnumerateArray()).GetProperty("unit").GetString());
        var passed = Assert.Single(slot.GetProperty("passedOver").EnumerateArray());
        Assert.Equal("p-an-hoa", passed.GetProperty("unit").GetString());
        Assert.Equal("Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024.", passed.GetProperty("reasons")[0].GetString());
        var committee = awards.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "committee");
        Assert.Equal((JsonValueKind.Null, 0), (committee.GetProperty("group").ValueKind, committee.GetProperty("proposed").GetArrayLength()));
    }

    [Fact]
    public async Task UnitFigures_NewestReceivedFirstWithSourceAndWho()
    {
        await Api.PostFigures(new[] { new { unit = "p-an-hoa", asOf = "2024-07-31", indicator = "c", numerator = 95, denominator = 100 } });

        var history = await Get("api/v1/units/p-an-hoa/figures");

        Assert.Equal("p-an-hoa", history.GetProperty("unit").GetString());
        var first = history.GetProperty("figures")[0];
        Assert.Equal(("c", "2024-07-31", 95, "api", "may-thu"), (first.GetProperty("indicator").GetString(), first.GetProperty("asOf").GetString(),
            first.GetProperty("numerator").GetInt64(), first.GetProperty("source").GetString(), first.GetProperty("by").GetString()));
        Assert.Equal(3, history.GetProperty("figures").GetArrayLength());
        var dossiers = history.GetProperty("figures")[1];
        Assert.Equal(("dossiers", JsonValueKind.Null), (dossiers.GetProperty("indicator").GetString(), dossiers.GetProperty("denominator").ValueKind));
    }

    [Fact]
    public async Task Restart_OnTheSameFile_ShowsIdenticalLeaderboardsAndKeepsTheVersion()
    {
        var before = await Api.Client.GetStringAsync("api/v1/leaderboards?asOf=2024-06-30");
        await RestartAsync();
        var after = await Api.Client.GetStringAsync("api/v1/leaderboards?asOf=2024-06-30");
        var next = await Api.PostFigures(new[] { new { unit = "p-an-hoa", asOf = "2024-07-31", indicator = "c", numerator = 95, denominator = 100 } });

        Assert.Equal(before, after);
        Assert.Equal(2, (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Healthz_DatabaseGone_Answers503Problem()
    {
        // The engine is loaded; now the database cannot be opened: its folder is replaced by a file.
        var folder = Path.GetDirectoryName(DatabaseFile)!;
        // The node's follower reads the database every few seconds and can reopen it (recreating its -wal and
        // -shm files) in the middle of the delete; once the folder is gone it can no longer, so retry until then.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                break;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(50);
            }
        }
        await File.WriteAllTextAsync(folder, "not a folder");
        try
        {
            var health = await Api.Client.GetAsync("healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("application/problem+json", health.Content.Headers.ContentType!.MediaType);
        }
        finally
        {
            File.Delete(folder);
            Directory.CreateDirectory(folder);
        }
    }

    [Fact]
    public async Task Healthz_ReportsTheVersionAppliedPerCampaign()
    {
        var health = await Api.Client.GetFromJsonAsync<JsonElement>("healthz");

        var campaign = Assert.Single(health.GetProperty("campaigns").EnumerateArray());
        Assert.Equal("can-tho-2024", campaign.GetProperty("code").GetString());
        Assert.Equal(health.GetProperty("version").GetInt64(), campaign.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Healthz_AndOpenApi_DescribeTheService()
    {
        var health = await Api.Client.GetAsync("healthz");
        var openApi = await Get("openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "/api/v1/campaign", "/api/v1/units", "/api/v1/figures", "/api/v1/units/{code}/registration", "/api/v1/units/{code}/figures",
            "/api/v1/leaderboards", "/api/v1/units/{code}/score", "/api/v1/awards", "/healthz",
        }, paths);
    }
}
