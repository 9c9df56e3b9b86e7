using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Standards;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Dossier;

/// <summary>
/// <c>GET</c> and <c>PUT /api/v1/awards/meeting</c> on the real app: the City Office records the selection
/// meeting's minutes, audited, and the dossier's biên bản prints them instead of blanks.
/// </summary>
public class MeetingApiTests : StandardsHostTest
{
    public MeetingApiTests()
    {
    }

    private protected MeetingApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private const string Meeting = "api/v1/awards/meeting";

    /// <summary>An Hòa proposed (registered, NQ 02 met) with one individual of it listed.</summary>
    private async Task ProposalAsync()
    {
        await TwoRegisteredWardsAsync();
        using var script = Host.WithKey(AdminConfigKey);
        foreach (var unit in new[] { "p-an-hoa", "p-cai-khe" })
            (await script.PutAsJsonAsync($"api/v1/units/{unit}/standard", new { nq02 = "met", note = (string?)null })).EnsureSuccessStatusCode();
        Assert.Empty((await Host.Get<AwardBook>().AddIndividualAsync("Nguyễn Văn A", "Công chức một cửa", "p-an-hoa", IndividualDuty.MotCua,
            "Tiếp nhận hồ sơ đúng hạn", "van-phong")).Problems);
    }

    private static object Minutes(string place = "Phòng họp số 1, UBND thành phố") => new
    {
        at = "2025-01-08T14:30",
        place,
        chair = "Lê Văn C, Chánh Văn phòng",
        secretary = "Phạm Thị D",
        attendees = new[] { "Lê Văn C, Chánh Văn phòng", "Phạm Thị D, chuyên viên", "Trần Văn E, Ban Thi đua - Khen thưởng" },
        votes = new object[]
        {
            new { subject = "p-an-hoa", @for = 7, against = 1, abstain = 2 },
            new { subject = "Nguyễn Văn A", @for = 9, against = 0, abstain = 1 },
        },
    };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task GetMeeting_NothingRecorded_IsNull()
    {
        using var response = await Host.Anonymous().GetAsync(Meeting);
        Assert.Equal(JsonValueKind.Null, (await OkAsync(response)).ValueKind);
    }

    [Fact]
    public async Task PutMeeting_ByTheCityOffice_Is200_GetAnswersIt_AndTheAuditHasIt()
    {
        await ProposalAsync();
        using var office = await SignedInAsync(Roles.Committee);

        var put = await OkAsync(await office.PutAsJsonAsync(Meeting, Minutes()));

        Assert.Equal("2025-01-08T14:30", put.GetProperty("at").GetString());
        Assert.Equal("Phòng họp số 1, UBND thành phố", put.GetProperty("place").GetString());
        Assert.Equal("Lê Văn C, Chánh Văn phòng", put.GetProperty("chair").GetString());
        Assert.Equal("Phạm Thị D", put.GetProperty("secretary").GetString());
        Assert.Equal(3, put.GetProperty("attendees").GetArrayLength());
        var vote = put.GetProperty("votes")[0];
        Assert.Equal(("p-an-hoa", 7, 1, 2), (vote.GetProperty("subject").GetString(), vote.GetProperty("for").GetInt32(), vote.GetProperty("against").GetInt32(), vote.GetProperty("abstain").GetInt32()));
        Assert.Equal("nguoi-committee", put.GetProperty("recordedBy").GetString());

        var got = await OkAsync(await Host.Anonymous().GetAsync(Meeting));
        Assert.Equal(put.ToString(), got.ToString());

        using var admin = await Host.AdminBrowserAsync();
        var entry = Assert.Single((await OkAsync(await admin.GetAsync("api/v1/audit?kind=award.meeting"))).EnumerateArray());
        Assert.Contains("Biên bản họp xét: 14:30 08/01/2025 tại Phòng họp số 1", entry.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task PutMeeting_Again_TheLatestMinutesAreCurrent_BothAudited()
    {
        await ProposalAsync();
        using var script = Host.WithKey(AdminConfigKey);
        await OkAsync(await script.PutAsJsonAsync(Meeting, Minutes()));
        await OkAsync(await script.PutAsJsonAsync(Meeting, Minutes("Hội trường B")));

        Assert.Equal("Hội trường B", (await OkAsync(await Host.Anonymous().GetAsync(Meeting))).GetProperty("place").GetString());
        using var admin = await Host.AdminBrowserAsync();
        Assert.Equal(2, (await OkAsync(await admin.GetAsync("api/v1/audit?kind=award.meeting"))).GetArrayLength());
    }

    [Fact]
    public async Task BienBan_AfterTheMinutesAreRecorded_PrintsThemAndIsValid()
    {
        await ProposalAsync();
        using var script = Host.WithKey(AdminConfigKey);
        await OkAsync(await script.PutAsJsonAsync(Meeting, Minutes()));

        using var response = await Host.Anonymous().GetAsync("api/v1/awards/dossier/bien-ban.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("vào lúc 14 giờ 30, ngày 08 tháng 01 năm 2025", text);
        Assert.Contains("Địa điểm: Phòng họp số 1, UBND thành phố.", text);
        Assert.Contains("Chủ trì: Lê Văn C, Chánh Văn phòng.", text);
        Assert.Contains("Thư ký: Phạm Thị D.", text);
        Assert.Contains("Trần Văn E, Ban Thi đua - Khen thưởng", text);
        // The vote rows, a cell per line: An Hòa 7 / 1 / 2 and Nguyễn Văn A 9 / 0 / 1 in the last three cells.
        var lines = text.Split(Environment.NewLine);
        Assert.Equal(["7", "1", "2"], VoteCells(lines, "Tập thể: Phường An Hòa"));
        Assert.Equal(["9", "0", "1"], VoteCells(lines, "Cá nhân: Nguyễn Văn A (Phường An Hòa)"));
    }

    /// <summary>The three vote cells of the row whose subject is <paramref name="subject"/> (after its rank and score cells).</summary>
    private static string[] VoteCells(string[] lines, string subject)
    {
        var row = Array.IndexOf(lines, subject);
        Assert.True(row >= 0, $"no row “{subject}”");
        return lines[(row + 3)..(row + 6)];
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("admin-config-key")]
    [InlineData(Roles.Committee)]
    public async Task PutMeeting_CityOfficeOrAdmin_Is200(string caller)
    {
        await ProposalAsync();
        using var client = await CallerAsync(caller);
        await OkAsync(await client.PutAsJsonAsync(Meeting, Minutes()));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Appraiser)]
    [InlineData("config-key")]
    public async Task PutMeeting_ByAnyoneElse_Is403AndNothingStored(string caller)
    {
        using var client = await CallerAsync(caller);
        using var response = await client.PutAsJsonAsync(Meeting, Minutes());
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("Chỉ Văn phòng UBND thành phố", problem.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, (await OkAsync(await Host.Anonymous().GetAsync(Meeting))).ValueKind);
    }

    [Fact]
    public async Task PutMeeting_WithoutCredentials_Is401()
    {
        using var response = await Host.Anonymous().PutAsJsonAsync(Meeting, Minutes());
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private const string Good = """ "chair":"Lê Văn C","secretary":"Phạm Thị D" """;

    [Theory]
    [InlineData("""{"at":"08/01/2025 14:30","place":"P1",""" + Good + "}", "at", "Thời gian họp “08/01/2025 14:30” không đúng dạng yyyy-MM-ddTHH:mm")]
    [InlineData("""{"place":"P1",""" + Good + "}", "at", "Cần ghi thời gian họp")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"  ",""" + Good + "}", "place", "Cần ghi địa điểm họp.")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","secretary":"D"}""", "chair", "Cần ghi người chủ trì.")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":null}""", "secretary", "Cần ghi thư ký cuộc họp.")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","attendees":["A",""]}""", "attendees[1]", "Người tham dự thứ 2 để trống.")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","attendees":"A, B"}""", "attendees", "attendees phải là mảng")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","votes":[{"subject":"p-an-hoa","for":-1,"against":0,"abstain":0}]}""", "votes[0].for", "Biểu quyết thứ 1: số tán thành không được âm.")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","votes":[{"subject":"p-an-hoa","for":1,"against":1.5,"abstain":0}]}""", "votes[0].against", "votes[0].against phải là số nguyên")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","votes":[{"subject":"p-an-hoa","for":1,"against":0}]}""", "votes[0].abstain", "Thiếu votes[0].abstain")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","votes":[{"subject":"p-khong-co","for":1,"against":0,"abstain":0}]}""", "votes[0].subject", "Biểu quyết thứ 1: “p-khong-co” không có trong đề xuất")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","votes":[{"subject":"p-an-hoa","for":1,"against":0,"abstain":0},{"subject":"p-an-hoa","for":2,"against":0,"abstain":0}]}""", "votes[1].subject", "Biểu quyết thứ 2: Tập thể: Phường An Hòa đã có biểu quyết")]
    [InlineData("""{"at":"2025-01-08T14:30","place":"P1","chair":"C","secretary":"D","room":"B"}""", "room", "Trường “room” không được hỗ trợ")]
    public async Task PutMeeting_BadField_Is400NamingItInVietnamese(string body, string field, string message)
    {
        await ProposalAsync();
        using var response = await Host.WithKey(AdminConfigKey).PutAsync(Meeting, Json(body));
        await AssertBadBodyAsync(response, field, message);
        Assert.Equal(JsonValueKind.Null, (await OkAsync(await Host.Anonymous().GetAsync(Meeting))).ValueKind);
    }

    [Fact]
    public async Task PutMeeting_TooLongSecretary_Is400()
    {
        using var response = await Host.WithKey(AdminConfigKey).PutAsJsonAsync(Meeting,
            new { at = "2025-01-08T14:30", place = "P1", chair = "C", secretary = new string('x', 201) });
        await AssertBadBodyAsync(response, "secretary", "Tên thư ký cuộc họp dài quá 200 ký tự.");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("not json")]
    public async Task PutMeeting_BodyNotAnObject_Is400(string body)
    {
        using var response = await Host.WithKey(AdminConfigKey).PutAsync(Meeting, Json(body));
        await AssertBadBodyAsync(response, null, "Gửi { \"at\": \"yyyy-MM-ddTHH:mm\"");
    }
}

/// <summary>Every test of <see cref="MeetingApiTests"/>, on PostgreSQL.</summary>
public sealed class MeetingApiOnPostgresTests(PostgresTestDatabase postgres) : MeetingApiTests(postgres), IClassFixture<PostgresTestDatabase>;
