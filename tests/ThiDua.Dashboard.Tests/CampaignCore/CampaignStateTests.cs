using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Tests.Api;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>?campaign= on every endpoint: unknown 404, malformed 400, a closed campaign read-only (409), and a closed engine dropped when idle.</summary>
public sealed class CampaignStateTests
{
    private const string Test = CampaignApiHost.TestCode;

    [Theory]
    [InlineData("GET", "api/v1/leaderboards")]
    [InlineData("GET", "api/v1/units")]
    [InlineData("GET", "api/v1/campaign")]
    [InlineData("GET", "api/v1/awards")]
    [InlineData("GET", "api/v1/awards/proposal")]
    [InlineData("GET", "api/v1/leaderboards/export")]
    [InlineData("GET", "api/v1/registrations")]
    [InlineData("GET", "api/v1/awards/dossier.zip")]
    [InlineData("POST", "api/v1/figures")]
    [InlineData("PUT", "api/v1/units/so-xay-dung/registration")]
    public async Task AnyEndpoint_UnknownCampaign_404ProblemInVietnamese(string method, string path)
    {
        await using var host = new CampaignApiHost();

        using var response = await host.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path + "?campaign=khong-co")
        {
            Content = method == "GET" ? null : new StringContent("[]", Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Không có chiến dịch mã “khong-co”", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("api/v1/leaderboards?campaign=Can%20Tho")]
    [InlineData("api/v1/units?campaign=")]
    [InlineData("api/v1/awards?campaign=a&campaign=b")]
    public async Task AnyEndpoint_MalformedCampaign_400NamingTheParameter(string path)
    {
        await using var host = new CampaignApiHost();

        using var response = await host.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("campaign", problem.GetProperty("parameter").GetString());
        Assert.Contains("mã chiến dịch", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApi_EveryOperationOfACampaign_ListsTheCampaignParameter()
    {
        await using var host = new CampaignApiHost();

        var document = await host.GetJsonAsync("openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Operation: op.Value))).ToList();
        static bool HasCampaign(JsonElement operation) => operation.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "campaign");
        Assert.All(operations.Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)
                && !o.Path.StartsWith("/api/v1/campaigns", StringComparison.Ordinal) && !o.Path.StartsWith("/api/v1/audit", StringComparison.Ordinal)),
            o => Assert.True(HasCampaign(o.Operation), o.Path));
        Assert.All(operations.Where(o => o.Path.StartsWith("/api/v1/campaigns", StringComparison.Ordinal)), o => Assert.False(HasCampaign(o.Operation), o.Path));
    }

    [Fact]
    public async Task DefaultCampaignByCode_AnswersAsWithoutTheParameter()
    {
        await using var host = new CampaignApiHost();

        var plain = await host.GetJsonAsync("api/v1/leaderboards");
        var named = await host.GetJsonAsync($"api/v1/leaderboards?campaign={CampaignApiHost.DefaultCode}");

        Assert.Equal(plain.ToString(), named.ToString());
    }

    [Fact]
    public async Task ClosedCampaign_EveryWrite409_ReadsStillServed()
    {
        await using var host = new CampaignApiHost();
        await host.ActivateTestCampaignAsync();
        await host.PostFiguresAsync(Test, CampaignApiHost.Figure("s-noi-vu", "dossiers", 800, null, "2026-06-30"));
        using (var closed = await host.Admin.PostAsync($"api/v1/campaigns/{Test}/close", null))
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var countBefore = await host.Api.FigureCount();

        (string Method, string Path, string Body)[] writes =
        [
            ("POST", "api/v1/figures", """[{"unit":"s-noi-vu","asOf":"2026-06-30","indicator":"dossiers","numerator":900}]"""),
            ("PUT", "api/v1/units/s-noi-vu/registration", """{"registeredOn":"2026-02-01"}"""),
            ("POST", "api/v1/units/s-noi-vu/registrations", """{"documentNumber":"1/TB","documentDate":"2026-02-01","submittedOn":"2026-02-01"}"""),
            ("PUT", "api/v1/units/s-noi-vu/standard", """{"nq02":"met"}"""),
            ("PUT", "api/v1/campaign/city-rating", """{"rating":"tot"}"""),
            ("POST", "api/v1/awards/proposal/transitions", """{"action":"select"}"""),
            ("PUT", "api/v1/awards/meeting", "{}"),
        ];
        foreach (var (method, path, body) in writes)
        {
            using var response = await host.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{path}?campaign={Test}")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{method} {path}: {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("đã kết thúc", problem.GetProperty("detail").GetString());
        }

        // No other way in either: a page's writes reach the database, which refuses them, and the services answer
        // the Vietnamese reason (never the SQLite error as a 500).
        var services = await host.Api.Services.GetRequiredService<CampaignEngines>().GetAsync(Test);
        var entry = await services!.GetRequired<ThiDua.Dashboard.Ingestion.FigureIngestion>()
            .SubmitAsync([new ThiDua.Scoring.Figures.Figure("s-noi-vu", "dossiers", new DateOnly(2026, 6, 30), 950, null)], "form", "admin");
        Assert.False(entry.IsAccepted);
        Assert.StartsWith("Chiến dịch đã kết thúc", Assert.Single(entry.Errors).Message);
        var rating = await services.GetRequired<ThiDua.Dashboard.Awards.AwardBook>().SetCityRatingAsync(ThiDua.Scoring.Awards.CityRating.Tot, "Quyết định 1", "admin");
        Assert.False(rating.Done);
        Assert.StartsWith("Chiến dịch đã kết thúc", rating.Problem);

        Assert.Equal(countBefore, await host.Api.FigureCount());
        var boards = await host.GetJsonAsync($"api/v1/leaderboards?campaign={Test}&asOf=2026-06-30");
        Assert.Contains(boards.GetProperty("boards").EnumerateArray().SelectMany(b => b.GetProperty("entries").EnumerateArray()),
            e => e.GetProperty("unit").GetString() == "s-noi-vu");
        var listed = await host.GetJsonAsync("api/v1/campaigns");
        Assert.Equal("closed", listed.EnumerateArray().Single(c => c.GetProperty("code").GetString() == Test).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ClosedCampaignEngine_IdleLongerThanTheSetting_IsDroppedAndBuiltAgainOnTheNextRead()
    {
        await using var host = new CampaignApiHost();
        await host.ActivateTestCampaignAsync();
        await host.PostFiguresAsync(Test, CampaignApiHost.Figure("s-tu-phap", "dossiers", 300, null, "2026-06-30"));
        using (var closed = await host.Admin.PostAsync($"api/v1/campaigns/{Test}/close", null)) closed.EnsureSuccessStatusCode();
        var engines = host.Api.Services.GetRequiredService<CampaignEngines>();
        var before = (await host.GetJsonAsync($"api/v1/leaderboards?campaign={Test}&asOf=2026-06-30")).GetProperty("boards").ToString();
        Assert.True(engines.IsLoaded(Test));

        Assert.Equal(0, engines.EvictIdle(DateTimeOffset.UtcNow.AddMinutes(29))); // the default setting is 30 minutes
        Assert.Equal(1, engines.EvictIdle(DateTimeOffset.UtcNow.AddMinutes(31)));
        Assert.False(engines.IsLoaded(Test));
        Assert.True(engines.IsLoaded(CampaignApiHost.DefaultCode)); // active campaigns stay

        var after = (await host.GetJsonAsync($"api/v1/leaderboards?campaign={Test}&asOf=2026-06-30")).GetProperty("boards").ToString();
        Assert.True(engines.IsLoaded(Test));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task CampaignsPost_InvalidFile_400WithEveryFindingInVietnamese_AndNothingStored()
    {
        await using var host = new CampaignApiHost();
        var file = JsonNodeEdit(CampaignApiHost.CampaignFile(), json =>
        {
            json["units"]![0]!["block"] = "khoi-khong-co";
            json["units"]![1]!["code"] = "s-noi-vu";
            json["groups"]![1]!["minDossiers"] = 6000; // leaves 5,000..5,999 of phuong in no group
        });

        foreach (var dryRun in new[] { "true", "false" })
        {
            using var response = await host.ImportAsync(file, dryRun);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var messages = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
            Assert.Contains(messages, m => m!.Contains("khối “khoi-khong-co” không có"));
            Assert.Contains(messages, m => m!.Contains("Mã đơn vị “s-noi-vu” bị trùng"));
            Assert.Contains(problem.GetProperty("errors").EnumerateArray().Concat(problem.GetProperty("warnings").EnumerateArray()),
                f => f.GetProperty("path").GetString()!.StartsWith("groups", StringComparison.Ordinal));
        }
        Assert.Single((await host.GetJsonAsync("api/v1/campaigns")).EnumerateArray());

        using var unauthenticated = await host.Anonymous.PostAsync("api/v1/campaigns", new StringContent(CampaignApiHost.CampaignFile(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        using var badDryRun = await host.ImportAsync(CampaignApiHost.CampaignFile(), "oui");
        Assert.Equal("dryRun", (await badDryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task CampaignsCopy_DraftWithNewCodeAndPeriod_UnitsCopied_ThenActivatedAndMadeDefault()
    {
        await using var host = new CampaignApiHost();

        using var copied = await host.Admin.PostAsJsonAsync($"api/v1/campaigns/{CampaignApiHost.DefaultCode}/copy",
            new { code = "can-tho-2025", name = "Năm 2025", periodStart = "2024-12-15", periodEnd = "2025-12-14" });
        Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        using (var activated = await host.Admin.PostAsync("api/v1/campaigns/can-tho-2025/activate", null)) activated.EnsureSuccessStatusCode();
        var units2024 = await host.GetJsonAsync("api/v1/units");
        var units2025 = await host.GetJsonAsync("api/v1/units?campaign=can-tho-2025");
        Assert.Equal(units2024.GetArrayLength(), units2025.GetArrayLength());

        using (var again = await host.Admin.PostAsync("api/v1/campaigns/can-tho-2025/activate", null))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using (var chosen = await host.Admin.PostAsync("api/v1/campaigns/can-tho-2025/default", null)) chosen.EnsureSuccessStatusCode();
        var listed = (await host.GetJsonAsync("api/v1/campaigns")).EnumerateArray().ToList();
        Assert.Equal(["can-tho-2025"], listed.Where(c => c.GetProperty("isDefault").GetBoolean()).Select(c => c.GetProperty("code").GetString()));
        var rules = await host.GetJsonAsync("api/v1/campaign");
        Assert.Equal("2025-12-14", rules.GetProperty("periodEnd").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10081")]
    public async Task Startup_IdleMinutesOutOfRange_FailsNamingTheKey(string minutes)
    {
        await using var host = new Hosting.DashboardHost(new Dictionary<string, string?> { ["ThiDua:Campaigns:IdleMinutes"] = minutes });

        var error = Record.Exception(() => host.Start());

        var validation = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(error);
        Assert.StartsWith("ThiDua:Campaigns:IdleMinutes phải từ 1 đến 10080 phút", Assert.Single(validation.Failures));
    }

    private static string JsonNodeEdit(string json, Action<System.Text.Json.Nodes.JsonNode> edit)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }
}
