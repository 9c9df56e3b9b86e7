using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Standards;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Registrations;

/// <summary>
/// The registration for the campaign over HTTP: <c>POST /units/{code}/registrations</c> by the unit,
/// <c>POST /registrations/{id}/accept|return</c> and <c>GET /registrations</c> by the City Office.
/// The signed-in editor of <see cref="StandardsHostTest"/> is given p-an-hoa.
/// </summary>
public class RegistrationApiTests : StandardsHostTest
{
    public RegistrationApiTests()
    {
    }

    private protected RegistrationApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static object Body(string? submittedOn = null) => new { documentNumber = "15/ĐK-UBND", documentDate = "2024-03-01", submittedOn };

    private async Task<long> SubmitAsync(string unit = "p-an-hoa", string submittedOn = "2024-03-02")
    {
        using var script = Host.WithKey(AdminConfigKey);
        using var response = await script.PostAsJsonAsync($"api/v1/units/{unit}/registrations", Body(submittedOn));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<JsonElement> UnitAsync(string code) =>
        (await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/units")).EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);

    private Task<IReadOnlyList<AuditEntry>> AuditAsync(string kind) => Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: kind));

    [Fact]
    public async Task PostRegistration_EditorOfTheUnit_201WithTheBodyLocationTodayAndAnAuditEntry()
    {
        // Arrange
        using var editor = await SignedInAsync(Roles.Editor);
        var today = Host.Get<EngineHost>().Today().ToString("yyyy-MM-dd");

        // Act
        using var response = await editor.PostAsJsonAsync("api/v1/units/p-an-hoa/registrations", new { documentNumber = " 15/ĐK-UBND ", documentDate = "2024-03-01" });

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal(["id", "unit", "status", "documentNumber", "documentDate", "submittedOn", "decidedBy", "reason"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("p-an-hoa", "submitted", "15/ĐK-UBND", "2024-03-01", today),
            (body.GetProperty("unit").GetString(), body.GetProperty("status").GetString(), body.GetProperty("documentNumber").GetString(),
             body.GetProperty("documentDate").GetString(), body.GetProperty("submittedOn").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("decidedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
        Assert.Equal($"/api/v1/registrations/{id}", response.Headers.Location?.OriginalString);
        using var admin = Host.WithKey(AdminConfigKey);
        var located = await admin.GetFromJsonAsync<JsonElement>(response.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Equal(id, located.GetProperty("id").GetInt64());
        var entry = Assert.Single(await AuditAsync(AuditKinds.RegistrationSubmit));
        Assert.Equal(("nguoi-editor", $"registration/{id}"), (entry.Actor, entry.Subject));
        Assert.Contains("15/ĐK-UBND", entry.AfterJson);
        Assert.Equal(JsonValueKind.Null, (await UnitAsync("p-an-hoa")).GetProperty("registeredOn").ValueKind);
    }

    [Theory]
    [InlineData("config-key")]
    [InlineData("scoped-key")]
    public async Task PostRegistration_KeyWhoseScopeHoldsTheUnit_201(string caller)
    {
        // Arrange
        using var client = caller == "config-key" ? Host.WithKey(AccessHost.ConfigKey) : Host.WithKey((await Host.CreateKeyAsync("khoa-an-hoa", ["p-an-hoa"])).Secret);

        // Act
        using var response = await client.PostAsJsonAsync("api/v1/units/p-an-hoa/registrations", Body());

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("submitted", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PostRegistration_AdminSetsSubmittedOn_201WithThatDate()
    {
        using var admin = await CallerAsync("admin");

        using var response = await admin.PostAsJsonAsync("api/v1/units/p-cai-khe/registrations", Body("2024-03-05"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("2024-03-05", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submittedOn").GetString());
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData("config-key")]
    public async Task PostRegistration_NonAdminSetsSubmittedOn_403AndNothingStored(string caller)
    {
        using var client = await CallerAsync(caller);

        using var response = await client.PostAsJsonAsync("api/v1/units/p-an-hoa/registrations", Body("2024-03-05"));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("Chỉ quản trị viên được ghi ngày gửi (submittedOn)", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM registrations"));
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Committee)]
    [InlineData("scoped-key")]
    public async Task PostRegistration_NotTheUnitsEditorNorItsKey_403(string caller)
    {
        // Arrange: the editor and the key are given p-an-hoa; they send for p-cai-khe.
        using var client = caller == "scoped-key" ? Host.WithKey((await Host.CreateKeyAsync("khoa-an-hoa", ["p-an-hoa"])).Secret) : await CallerAsync(caller);

        // Act
        using var response = await client.PostAsJsonAsync("api/v1/units/p-cai-khe/registrations", Body());

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Không được phép", problem.GetProperty("title").GetString());
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM registrations"));
    }

    [Fact]
    public async Task PostRegistration_NoCredentials_401()
    {
        using var response = await Host.Anonymous().PostAsJsonAsync("api/v1/units/p-an-hoa/registrations", Body());

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM registrations"));
    }

    [Fact]
    public async Task PostRegistration_UnknownUnit_404()
    {
        using var script = Host.WithKey(AdminConfigKey);

        using var response = await script.PostAsJsonAsync("api/v1/units/khong-co/registrations", Body());

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không có đơn vị mã “khong-co”.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{not json", null, "Gửi { \"documentNumber\"")]
    [InlineData("[1]", null, "Gửi { \"documentNumber\"")]
    [InlineData("{\"documentDate\":\"2024-03-01\"}", "documentNumber", "Thiếu số văn bản đăng ký (documentNumber).")]
    [InlineData("{\"documentNumber\":\"  \",\"documentDate\":\"2024-03-01\"}", "documentNumber", "Thiếu số văn bản đăng ký (documentNumber).")]
    [InlineData("{\"documentNumber\":15,\"documentDate\":\"2024-03-01\"}", "documentNumber", "documentNumber phải là chuỗi.")]
    [InlineData("{\"documentNumber\":\"15/ĐK\"}", "documentDate", "Thiếu ngày văn bản (documentDate) dạng yyyy-MM-dd.")]
    [InlineData("{\"documentNumber\":\"15/ĐK\",\"documentDate\":\"01/03/2024\"}", "documentDate", "documentDate phải là ngày dạng yyyy-MM-dd.")]
    [InlineData("{\"documentNumber\":\"15/ĐK\",\"documentDate\":\"2024-03-01\",\"submittedOn\":\"hôm nay\"}", "submittedOn", "submittedOn phải là ngày dạng yyyy-MM-dd hoặc null.")]
    [InlineData("{\"documentNumber\":\"15/ĐK\",\"documentDate\":\"2024-03-05\",\"submittedOn\":\"2024-03-01\"}", "documentDate", "Ngày văn bản 05/03/2024 sau ngày gửi 01/03/2024.")]
    [InlineData("{\"documentNumber\":\"15/ĐK\",\"documentDate\":\"2024-03-01\",\"submittedOn\":\"2999-01-01\"}", "submittedOn", "Ngày gửi 01/01/2999 sau ngày hôm nay")]
    [InlineData("{\"documentNumber\":\"15/ĐK\",\"documentDate\":\"2024-03-01\",\"soVanBan\":\"x\"}", "soVanBan", "Trường “soVanBan” không được hỗ trợ")]
    public async Task PostRegistration_BadBody_400WithTheFieldAndAVietnameseMessage(string body, string? field, string message)
    {
        using var script = Host.WithKey(AdminConfigKey);

        using var response = await script.PostAsync("api/v1/units/p-an-hoa/registrations", Json(body));

        await AssertBadBodyAsync(response, field, message);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM registrations"));
    }

    [Fact]
    public async Task PostRegistration_DocumentNumberLongerThan100_400()
    {
        using var script = Host.WithKey(AdminConfigKey);

        using var response = await script.PostAsJsonAsync("api/v1/units/p-an-hoa/registrations", new { documentNumber = new string('x', 101), documentDate = "2024-03-01" });

        await AssertBadBodyAsync(response, "documentNumber", "documentNumber dài quá 100 ký tự.");
    }

    [Theory]
    [InlineData(Roles.Committee, "nguoi-committee")]
    [InlineData("admin", "admin")]
    [InlineData("admin-config-key", "van-phong-script")]
    public async Task Accept_CommitteeOrAdmin_200RegisteredOnBecomesSubmittedOnAndBothStepsAudited(string caller, string actor)
    {
        // Arrange
        var id = await SubmitAsync(submittedOn: "2024-03-02");
        using var client = await CallerAsync(caller);

        // Act
        using var response = await client.PostAsJsonAsync($"api/v1/registrations/{id}/accept", new { reason = "Đúng hạn" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((id, "accepted", actor, "Đúng hạn"), (body.GetProperty("id").GetInt64(), body.GetProperty("status").GetString(),
            body.GetProperty("decidedBy").GetString(), body.GetProperty("reason").GetString()));
        Assert.Equal("2024-03-02", (await UnitAsync("p-an-hoa")).GetProperty("registeredOn").GetString());
        var accepted = Assert.Single(await AuditAsync(AuditKinds.RegistrationAccept));
        Assert.Equal((actor, $"registration/{id}"), (accepted.Actor, accepted.Subject));
        var unitEdit = Assert.Single(await AuditAsync(AuditKinds.UnitRegistration));
        Assert.Equal((actor, "p-an-hoa"), (unitEdit.Actor, unitEdit.Subject));
        Assert.True((await Host.Get<IAuditTrail>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task Accept_NoBody_200()
    {
        var id = await SubmitAsync();
        using var committee = await CallerAsync(Roles.Committee);

        using var response = await committee.PostAsync($"api/v1/registrations/{id}/accept", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Accept_BeforeTheDeadline_TheUnitIsProposedAtOnce_AfterItIsNot()
    {
        // Arrange: p-an-hoa tops its group but has no registration, so it is passed over.
        using var writer = Host.WithKey(AccessHost.ConfigKey);
        (await AccessHost.PostFigures(writer, new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "dossiers", numerator = 2000 },
            AccessHost.Rate("p-an-hoa", numerator: 900))).EnsureSuccessStatusCode();
        static JsonElement Group(JsonElement awards) => awards.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("group").GetString() == "tu-1500-duoi-3500");
        var before = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards?asOf=2024-06-30");
        var late = await SubmitAsync(submittedOn: "2024-04-15");
        var inTime = await SubmitAsync(submittedOn: "2024-04-14");
        using var committee = await CallerAsync(Roles.Committee);

        // Act
        (await committee.PostAsync($"api/v1/registrations/{late}/accept", null)).EnsureSuccessStatusCode();
        var afterLate = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards?asOf=2024-06-30");
        (await committee.PostAsync($"api/v1/registrations/{inTime}/accept", null)).EnsureSuccessStatusCode();
        var afterInTime = await Host.Anonymous().GetFromJsonAsync<JsonElement>("api/v1/awards?asOf=2024-06-30");

        // Assert: the deadline is "trước ngày 15/04/2024", strictly before.
        Assert.Empty(Group(before).GetProperty("proposed").EnumerateArray());
        Assert.Equal("p-an-hoa", Assert.Single(Group(before).GetProperty("passedOver").EnumerateArray()).GetProperty("unit").GetString());
        Assert.Empty(Group(afterLate).GetProperty("proposed").EnumerateArray());
        Assert.Equal("p-an-hoa", Assert.Single(Group(afterInTime).GetProperty("proposed").EnumerateArray()).GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("accept", "accept")]
    [InlineData("accept", "return")]
    [InlineData("return", "accept")]
    [InlineData("return", "return")]
    public async Task Decide_AlreadyDecided_409AndNothingChanges(string first, string second)
    {
        // Arrange
        var id = await SubmitAsync();
        using var committee = await CallerAsync(Roles.Committee);
        (await committee.PostAsJsonAsync($"api/v1/registrations/{id}/{first}", new { reason = "Thiếu chữ ký" })).EnsureSuccessStatusCode();
        var registeredOn = (await UnitAsync("p-an-hoa")).GetProperty("registeredOn").ToString();

        // Act
        using var response = await committee.PostAsJsonAsync($"api/v1/registrations/{id}/{second}", new { reason = "Lần hai" });

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Đăng ký đã được xét", problem.GetProperty("title").GetString());
        Assert.StartsWith($"Đăng ký số {id} đã {(first == "accept" ? "được chấp nhận" : "bị trả lại")}", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Host.ScalarAsync("SELECT count(*) FROM registration_decisions"));
        Assert.Equal(registeredOn, (await UnitAsync("p-an-hoa")).GetProperty("registeredOn").ToString());
    }

    [Fact]
    public async Task Return_WithReason_200RegisteredOnUnchangedAndAudited()
    {
        // Arrange
        var id = await SubmitAsync();
        using var committee = await CallerAsync(Roles.Committee);

        // Act
        using var response = await committee.PostAsJsonAsync($"api/v1/registrations/{id}/return", new { reason = "Văn bản thiếu chữ ký của thủ trưởng" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("returned", "nguoi-committee", "Văn bản thiếu chữ ký của thủ trưởng"),
            (body.GetProperty("status").GetString(), body.GetProperty("decidedBy").GetString(), body.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, (await UnitAsync("p-an-hoa")).GetProperty("registeredOn").ValueKind);
        var entry = Assert.Single(await AuditAsync(AuditKinds.RegistrationReturn));
        Assert.Equal(("nguoi-committee", $"registration/{id}"), (entry.Actor, entry.Subject));
        Assert.Contains("Văn bản thiếu chữ ký của thủ trưởng", entry.AfterJson);
        Assert.Empty(await AuditAsync(AuditKinds.UnitRegistration));
    }

    [Theory]
    [InlineData("{}", "reason", "Cần ghi lý do trả lại (reason).")]
    [InlineData("{\"reason\":\"   \"}", "reason", "Cần ghi lý do trả lại (reason).")]
    [InlineData("{\"reason\":7}", "reason", "reason phải là chuỗi.")]
    [InlineData("\"lý do\"", null, "Gửi { \"reason\": chuỗi } với lý do trả lại.")]
    public async Task Return_WithoutAReason_400AndStillSubmitted(string body, string? field, string message)
    {
        var id = await SubmitAsync();
        using var committee = await CallerAsync(Roles.Committee);

        using var response = await committee.PostAsync($"api/v1/registrations/{id}/return", Json(body));

        await AssertBadBodyAsync(response, field, message);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM registration_decisions"));
    }

    [Theory]
    [InlineData("accept", "999")]
    [InlineData("return", "999")]
    [InlineData("accept", "mot")]
    public async Task Decide_UnknownId_404(string action, string id)
    {
        using var committee = await CallerAsync(Roles.Committee);

        using var response = await committee.PostAsJsonAsync($"api/v1/registrations/{id}/{action}", new { reason = "x" });

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal($"Không có đăng ký thi đua số “{id}”.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Viewer)]
    [InlineData("config-key")]
    public async Task Decide_NotTheCityOffice_403(string caller)
    {
        var id = await SubmitAsync();
        using var client = await CallerAsync(caller);

        using var accept = await client.PostAsync($"api/v1/registrations/{id}/accept", null);
        using var giveBack = await client.PostAsJsonAsync($"api/v1/registrations/{id}/return", new { reason = "x" });

        await ProblemAsync(accept, HttpStatusCode.Forbidden);
        await ProblemAsync(giveBack, HttpStatusCode.Forbidden);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM registration_decisions"));
    }

    [Fact]
    public async Task Decide_NoCredentials_401()
    {
        var id = await SubmitAsync();

        using var response = await Host.Anonymous().PostAsync($"api/v1/registrations/{id}/accept", null);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_ByStatus_NewestFirst()
    {
        // Arrange
        var accepted = await SubmitAsync("p-an-hoa");
        var returned = await SubmitAsync("p-cai-khe");
        var waiting = await SubmitAsync("p-cai-khe");
        using var committee = await CallerAsync(Roles.Committee);
        (await committee.PostAsync($"api/v1/registrations/{accepted}/accept", null)).EnsureSuccessStatusCode();
        (await committee.PostAsJsonAsync($"api/v1/registrations/{returned}/return", new { reason = "Sai mẫu" })).EnsureSuccessStatusCode();

        // Act
        async Task<List<long>> Ids(string query) =>
            [.. (await committee.GetFromJsonAsync<JsonElement>("api/v1/registrations" + query)).EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];

        // Assert
        Assert.Equal([waiting, returned, accepted], await Ids(""));
        Assert.Equal([waiting], await Ids("?status=submitted"));
        Assert.Equal([accepted], await Ids("?status=accepted"));
        Assert.Equal([returned], await Ids("?status=returned"));
    }

    [Fact]
    public async Task List_BadStatus_400NamingTheParameter()
    {
        using var committee = await CallerAsync(Roles.Committee);

        using var response = await committee.GetAsync("api/v1/registrations?status=pending");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("status", problem.GetProperty("parameter").GetString());
        Assert.Equal("status “pending” phải là submitted, accepted hoặc returned (hoặc bỏ trống để lấy tất cả).", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task List_NotTheCityOffice_403_Anonymous_401()
    {
        using var editor = await CallerAsync(Roles.Editor);

        using var forbidden = await editor.GetAsync("api/v1/registrations");
        using var anonymous = await Host.Anonymous().GetAsync("api/v1/registrations");

        await ProblemAsync(forbidden, HttpStatusCode.Forbidden);
        await ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("config-key")]
    [InlineData("ui-key")]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Committee)]
    public async Task PutRegistration_AnyoneButAnAdmin_403AndNothingStored(string caller)
    {
        using var client = await CallerAsync(caller);

        using var response = await client.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-03-01" });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("Chỉ quản trị viên", problem.GetProperty("detail").GetString());
        using var admin = await CallerAsync("admin-config-key");
        var unit = (await admin.GetFromJsonAsync<JsonElement>("api/v1/units")).EnumerateArray().Single(u => u.GetProperty("code").GetString() == "p-an-hoa");
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("registeredOn").ValueKind);
    }

    [Fact]
    public async Task PutRegistration_Date_RecordsAnAcceptedRegistrationAudited()
    {
        // Arrange
        using var writer = Host.WithKey(AdminConfigKey);

        // Act
        (await writer.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-03-01" })).EnsureSuccessStatusCode();

        // Assert
        using var committee = await CallerAsync(Roles.Committee);
        var listed = Assert.Single((await committee.GetFromJsonAsync<JsonElement>("api/v1/registrations?status=accepted")).EnumerateArray());
        Assert.Equal(("p-an-hoa", "2024-03-01", "van-phong-script"),
            (listed.GetProperty("unit").GetString(), listed.GetProperty("submittedOn").GetString(), listed.GetProperty("decidedBy").GetString()));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("documentNumber").ValueKind);
        Assert.Single(await AuditAsync(AuditKinds.RegistrationAccept));
        Assert.Single(await AuditAsync(AuditKinds.UnitRegistration));
    }
}

/// <summary>Every test of <see cref="RegistrationApiTests"/>, on PostgreSQL.</summary>
public sealed class RegistrationApiOnPostgresTests(PostgresTestDatabase postgres) : RegistrationApiTests(postgres), IClassFixture<PostgresTestDatabase>;
