using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Standards;

/// <summary><c>PUT /api/v1/campaign/city-rating</c>: the city's Bộ chỉ số 766 classification, the tham mưu slot's condition.</summary>
public class CityRatingApiTests : StandardsHostTest
{
    public CityRatingApiTests()
    {
    }

    private protected CityRatingApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static JsonElement ThamMuu(JsonElement awards) => awards.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "tham-muu");

    [Fact]
    public async Task PutCityRating_AdminKeyFromSettings_200AuditedAndShownInTheCampaign()
    {
        // Arrange
        using var script = Host.WithKey(AdminConfigKey);
        var before = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/campaign");

        // Act
        using var response = await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "kha", source = "Cổng DVCQG, 31/12/2024" });
        var campaign = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/campaign");

        // Assert
        Assert.Equal(JsonValueKind.Null, before.GetProperty("cityRating").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("cityRatingSource").ValueKind);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kha", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cityRating").GetString());
        Assert.Equal(("kha", "Cổng DVCQG, 31/12/2024"), (campaign.GetProperty("cityRating").GetString(), campaign.GetProperty("cityRatingSource").GetString()));
        var entry = Assert.Single(await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.CityRating)));
        Assert.Equal("van-phong-script", entry.Actor);
        Assert.Contains("\"kha\"", entry.AfterJson);
        Assert.True((await Host.Get<IAuditTrail>().VerifyAsync()).Valid);
    }

    [Theory]
    [InlineData("xuatSac")]
    [InlineData("tot")]
    [InlineData("kha")]
    [InlineData("trungBinh")]
    [InlineData("yeu")]
    public async Task PutCityRating_EveryClassification_200(string rating)
    {
        using var script = Host.WithKey(AdminConfigKey);

        using var response = await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating, source = (string?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rating, (await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/campaign")).GetProperty("cityRating").GetString());
    }

    [Theory]
    [InlineData("admin", "admin")]
    [InlineData("ui-admin-key", "khoa-quan-tri")]
    public async Task PutCityRating_AdminCookieOrAdminKey_200ThenNullClearsIt(string caller, string actor)
    {
        // Arrange
        using var client = await CallerAsync(caller);
        (await client.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = "Báo cáo" })).EnsureSuccessStatusCode();

        // Act
        using var response = await client.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = (string?)null, source = (string?)null });
        var campaign = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/campaign");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, campaign.GetProperty("cityRating").ValueKind);
        Assert.Equal(JsonValueKind.Null, campaign.GetProperty("cityRatingSource").ValueKind);
        Assert.All(await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.CityRating)), e => Assert.Equal(actor, e.Actor));
    }

    [Fact]
    public async Task PutCityRating_NoCredentials_401()
    {
        using var response = await Host.Anonymous().PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = (string?)null });

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM city_ratings"));
    }

    [Theory]
    [InlineData(Roles.Committee)]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Editor)]
    [InlineData("config-key")]
    [InlineData("ui-key")]
    public async Task PutCityRating_NonAdmin_403(string caller)
    {
        using var client = await CallerAsync(caller);

        using var response = await client.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = (string?)null });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("Bộ chỉ số 766", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM city_ratings"));
    }

    [Theory]
    [InlineData("{oops", null, "Gửi { \"rating\"")]
    [InlineData("\"tot\"", null, "Gửi { \"rating\"")]
    [InlineData("{\"source\":\"x\"}", "rating", "Thiếu trường rating")]
    [InlineData("{\"rating\":\"good\",\"source\":null}", "rating", "rating phải là một trong \"xuatSac\", \"tot\", \"kha\", \"trungBinh\", \"yeu\", hoặc null (chưa ghi nhận).")]
    [InlineData("{\"rating\":\"Tot\",\"source\":null}", "rating", "rating phải là một trong")]
    [InlineData("{\"rating\":2,\"source\":null}", "rating", "rating phải là một trong")]
    [InlineData("{\"rating\":\"tot\",\"source\":true}", "source", "source phải là chuỗi hoặc null.")]
    [InlineData("{\"rating\":\"tot\",\"nguon\":\"x\"}", "nguon", "Trường “nguon” không được hỗ trợ; chỉ nhận rating và source.")]
    public async Task PutCityRating_BadBody_400WithTheFieldAndAVietnameseMessage(string body, string? field, string message)
    {
        // Arrange
        using var script = Host.WithKey(AdminConfigKey);

        // Act
        using var response = await script.PutAsync("api/v1/campaign/city-rating", Json(body));

        // Assert
        await AssertBadBodyAsync(response, field, message);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM city_ratings"));
    }

    [Fact]
    public async Task PutCityRating_SourceLongerThan500_400()
    {
        using var script = Host.WithKey(AdminConfigKey);

        using var response = await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = new string('x', 501) });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("source dài quá 500 ký tự.", Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task ThamMuu_RatedKha_NominationRefusedAndAnExistingOneShownAsNotMeetingTheCondition()
    {
        // Arrange: a department nominated while the rating was not recorded.
        using var writer = Host.WithKey(AdminConfigKey);
        (await writer.PutAsJsonAsync("api/v1/units/so-tu-phap/registration", new { registeredOn = "2024-03-01" })).EnsureSuccessStatusCode();
        (await writer.PutAsJsonAsync("api/v1/units/so-noi-vu/registration", new { registeredOn = "2024-03-01" })).EnsureSuccessStatusCode();
        var book = Host.Get<AwardBook>();
        Assert.Empty((await book.NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Tham mưu tốt", "hoi-dong")).Problems);
        var unrecorded = ThamMuu(await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards"));
        using var script = Host.WithKey(AdminConfigKey);

        // Act
        (await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "kha", source = (string?)null })).EnsureSuccessStatusCode();
        var kha = ThamMuu(await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards"));
        Assert.Empty((await book.WithdrawAsync("so-nganh", "tham-muu", "so-tu-phap", "Đổi đề cử", "hoi-dong")).Problems);
        var refused = (await book.NominateAsync("so-nganh", "tham-muu", "so-noi-vu", "Tham mưu tốt", "hoi-dong")).Problems;
        (await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = (string?)null })).EnsureSuccessStatusCode();
        var accepted = (await book.NominateAsync("so-nganh", "tham-muu", "so-noi-vu", "Tham mưu tốt", "hoi-dong")).Problems;
        var tot = ThamMuu(await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards"));

        // Assert
        Assert.Equal(JsonValueKind.Null, unrecorded.GetProperty("conditionMet").ValueKind);
        Assert.StartsWith("Chưa ghi nhận xếp loại Bộ chỉ số 766", unrecorded.GetProperty("condition").GetString());
        Assert.Equal("so-tu-phap", Assert.Single(unrecorded.GetProperty("proposed").EnumerateArray()).GetProperty("unit").GetString());
        Assert.False(kha.GetProperty("conditionMet").GetBoolean());
        Assert.Empty(kha.GetProperty("proposed").EnumerateArray());
        var passed = Assert.Single(kha.GetProperty("passedOver").EnumerateArray());
        Assert.Equal("so-tu-phap", passed.GetProperty("unit").GetString());
        Assert.Contains("là Khá, chưa đạt điều kiện", Assert.Single(passed.GetProperty("reasons").EnumerateArray()).GetString());
        Assert.Equal(["Xếp loại Bộ chỉ số 766 của thành phố là Khá, chưa đạt điều kiện xếp loại từ Tốt trở lên: suất này chưa thể trao."], refused);
        Assert.Empty(accepted);
        Assert.True(tot.GetProperty("conditionMet").GetBoolean());
        Assert.Equal("so-noi-vu", Assert.Single(tot.GetProperty("proposed").EnumerateArray()).GetProperty("unit").GetString());
    }
}

/// <summary>Every test of <see cref="CityRatingApiTests"/>, on PostgreSQL.</summary>
public sealed class CityRatingApiOnPostgresTests(PostgresTestDatabase postgres) : CityRatingApiTests(postgres), IClassFixture<PostgresTestDatabase>;
