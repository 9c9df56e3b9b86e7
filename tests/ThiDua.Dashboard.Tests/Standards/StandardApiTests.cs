using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Standards;

/// <summary><c>PUT /api/v1/units/{code}/standard</c>: the City Office's Nghị quyết 02/NQ-CP assessment of a unit.</summary>
public class StandardApiTests : StandardsHostTest
{
    public StandardApiTests()
    {
    }

    private protected StandardApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static JsonElement Unit(JsonElement units, string code) => units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);

    [Fact]
    public async Task PutStandard_AdminKeyFromSettings_200RecordedAuditedAndListed()
    {
        // Arrange
        using var script = Host.WithKey(AdminConfigKey);

        // Act
        using var response = await script.PutAsJsonAsync("api/v1/units/p-an-hoa/standard", new { nq02 = "notMet", note = "Chưa đạt chỉ tiêu thanh toán trực tuyến" });
        var units = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/units");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("p-an-hoa", "notMet", "Chưa đạt chỉ tiêu thanh toán trực tuyến"),
            (body.GetProperty("code").GetString(), body.GetProperty("nq02").GetString(), body.GetProperty("nq02Note").GetString()));
        Assert.Equal("notMet", Unit(units, "p-an-hoa").GetProperty("nq02").GetString());
        Assert.Equal("Chưa đạt chỉ tiêu thanh toán trực tuyến", Unit(units, "p-an-hoa").GetProperty("nq02Note").GetString());
        Assert.Equal(JsonValueKind.Null, Unit(units, "p-cai-khe").GetProperty("nq02").ValueKind);
        Assert.Equal(JsonValueKind.Null, Unit(units, "p-cai-khe").GetProperty("nq02Note").ValueKind);
        var entry = Assert.Single(await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.UnitStandard)));
        Assert.Equal(("van-phong-script", "p-an-hoa"), (entry.Actor, entry.Subject));
        Assert.Contains("\"nq02\":\"notMet\"", entry.AfterJson);
        Assert.Contains("Chưa đạt chỉ tiêu thanh toán trực tuyến", entry.AfterJson);
        Assert.True((await Host.Get<IAuditTrail>().VerifyAsync()).Valid);
    }

    [Theory]
    [InlineData(Roles.Committee, "nguoi-committee")]
    [InlineData("admin", "admin")]
    [InlineData("ui-admin-key", "khoa-quan-tri")]
    public async Task PutStandard_CommitteeOrAdminOrAdminKey_200AuditedUnderTheirName(string caller, string actor)
    {
        // Arrange
        using var client = await CallerAsync(caller);

        // Act
        using var response = await client.PutAsJsonAsync("api/v1/units/p-cai-khe/standard", new { nq02 = "met", note = (string?)null });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("met", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nq02").GetString());
        var entry = Assert.Single(await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.UnitStandard)));
        Assert.Equal((actor, "p-cai-khe"), (entry.Actor, entry.Subject));
    }

    [Fact]
    public async Task PutStandard_NullAfterMet_200BackToNotAssessed()
    {
        // Arrange
        using var script = Host.WithKey(AdminConfigKey);
        (await script.PutAsJsonAsync("api/v1/units/p-an-hoa/standard", new { nq02 = "met", note = "Đạt" })).EnsureSuccessStatusCode();

        // Act
        using var response = await script.PutAsJsonAsync("api/v1/units/p-an-hoa/standard", new { nq02 = (string?)null, note = (string?)null });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("nq02").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("nq02Note").ValueKind);
        Assert.Equal(2, (await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.UnitStandard))).Count);
    }

    [Fact]
    public async Task PutStandard_NoCredentials_401()
    {
        using var response = await Host.Anonymous().PutAsJsonAsync("api/v1/units/p-an-hoa/standard", new { nq02 = "met", note = (string?)null });

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM units WHERE nq02 IS NOT NULL"));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Editor)]
    [InlineData("config-key")]
    [InlineData("ui-key")]
    public async Task PutStandard_ViewerEditorOrNonAdminKey_403(string caller)
    {
        // Arrange
        using var client = await CallerAsync(caller);

        // Act
        using var response = await client.PutAsJsonAsync("api/v1/units/p-an-hoa/standard", new { nq02 = "met", note = (string?)null });

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("Nghị quyết 02/NQ-CP", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM units WHERE nq02 IS NOT NULL"));
    }

    [Fact]
    public async Task PutStandard_UnknownUnit_404()
    {
        using var script = Host.WithKey(AdminConfigKey);

        using var response = await script.PutAsJsonAsync("api/v1/units/khong-co/standard", new { nq02 = "met", note = (string?)null });

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không có đơn vị mã “khong-co”.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{not json", null, "Gửi { \"nq02\"")]
    [InlineData("[\"met\"]", null, "Gửi { \"nq02\"")]
    [InlineData("{\"note\":\"x\"}", "nq02", "Thiếu trường nq02")]
    [InlineData("{\"nq02\":\"dat\",\"note\":null}", "nq02", "nq02 phải là \"met\" (đạt), \"notMet\" (không đạt) hoặc null (chưa đánh giá).")]
    [InlineData("{\"nq02\":\"Met\",\"note\":null}", "nq02", "nq02 phải là")]
    [InlineData("{\"nq02\":1,\"note\":null}", "nq02", "nq02 phải là")]
    [InlineData("{\"nq02\":\"met\",\"note\":5}", "note", "note phải là chuỗi hoặc null.")]
    [InlineData("{\"nq02\":\"met\",\"ghiChu\":\"x\"}", "ghiChu", "Trường “ghiChu” không được hỗ trợ; chỉ nhận nq02 và note.")]
    public async Task PutStandard_BadBody_400WithTheFieldAndAVietnameseMessage(string body, string? field, string message)
    {
        // Arrange
        using var script = Host.WithKey(AdminConfigKey);

        // Act
        using var response = await script.PutAsync("api/v1/units/p-an-hoa/standard", Json(body));

        // Assert
        await AssertBadBodyAsync(response, field, message);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM units WHERE nq02 IS NOT NULL"));
    }

    [Fact]
    public async Task PutStandard_NoteLongerThan1000_400()
    {
        using var script = Host.WithKey(AdminConfigKey);

        using var response = await script.PutAsJsonAsync("api/v1/units/p-an-hoa/standard", new { nq02 = "met", note = new string('x', 1001) });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("note dài quá 1.000 ký tự.", Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Awards_NotMetTopUnit_PassedOverWithTheNote_UnassessedProposedFlagged()
    {
        // Arrange
        await TwoRegisteredWardsAsync();
        using var script = Host.WithKey(AdminConfigKey);

        // Act
        var before = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards");
        (await script.PutAsJsonAsync("api/v1/units/p-an-hoa/standard", new { nq02 = "notMet", note = "Tỷ lệ hài lòng thấp" })).EnsureSuccessStatusCode();
        var notMet = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards");
        (await script.PutAsJsonAsync("api/v1/units/p-cai-khe/standard", new { nq02 = "met", note = (string?)null })).EnsureSuccessStatusCode();
        var met = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards");

        // Assert
        static JsonElement Group(JsonElement awards) => awards.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("group").GetString() == "tu-1500-duoi-3500");
        var first = Assert.Single(Group(before).GetProperty("proposed").EnumerateArray());
        Assert.Equal(("p-an-hoa", false), (first.GetProperty("unit").GetString(), first.GetProperty("standardAssessed").GetBoolean()));
        var next = Assert.Single(Group(notMet).GetProperty("proposed").EnumerateArray());
        Assert.Equal(("p-cai-khe", false), (next.GetProperty("unit").GetString(), next.GetProperty("standardAssessed").GetBoolean()));
        var passed = Assert.Single(Group(notMet).GetProperty("passedOver").EnumerateArray());
        Assert.Equal("p-an-hoa", passed.GetProperty("unit").GetString());
        Assert.Equal("Không đạt tiêu chí Nghị quyết 02/NQ-CP: Tỷ lệ hài lòng thấp", Assert.Single(passed.GetProperty("reasons").EnumerateArray()).GetString());
        Assert.True(Assert.Single(Group(met).GetProperty("proposed").EnumerateArray()).GetProperty("standardAssessed").GetBoolean());
    }
}

/// <summary>Every test of <see cref="StandardApiTests"/>, on PostgreSQL.</summary>
public sealed class StandardApiOnPostgresTests(PostgresTestDatabase postgres) : StandardApiTests(postgres), IClassFixture<PostgresTestDatabase>;
