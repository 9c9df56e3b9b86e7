using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;
using ThiDua.Dashboard.Tests.Standards;

namespace ThiDua.Dashboard.Tests.Awards;

/// <summary>
/// <c>GET /api/v1/awards/proposal</c> and <c>POST /api/v1/awards/proposal/transitions</c> on the real app:
/// the review chain draft → selected → appraised (or returned) → decided, who may take each step, and what
/// the plan forbids a selection to hold.
/// </summary>
public class ProposalApiTests : StandardsHostTest
{
    public ProposalApiTests()
    {
    }

    private protected ProposalApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private const string Transitions = "api/v1/awards/proposal/transitions";

    /// <summary>The two registered wards, each assessed as meeting Nghị quyết 02 (a selection requires it).</summary>
    private async Task ReadyAsync()
    {
        await TwoRegisteredWardsAsync();
        using var script = Host.WithKey(AdminConfigKey);
        foreach (var unit in new[] { "p-an-hoa", "p-cai-khe" })
            (await script.PutAsJsonAsync($"api/v1/units/{unit}/standard", new { nq02 = "met", note = (string?)null })).EnsureSuccessStatusCode();
    }

    private async Task<JsonElement> ProposalAsync()
    {
        using var response = await Host.WithKey(AccessHost.ConfigKey).GetAsync("api/v1/awards/proposal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The slots of the wards' "1.500 – < 3.500" group, where both wards compete.</summary>
    private static JsonElement WardSlot(JsonElement proposal) =>
        proposal.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("block").GetString() == "phuong" && s.GetProperty("group").GetString() == "tu-1500-duoi-3500");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string[] Selected(JsonElement slot) => [.. slot.GetProperty("selected").EnumerateArray().Select(s => s.GetProperty("unit").GetString()!)];

    [Fact]
    public async Task GetProposal_BeforeAnyStep_IsTheLiveDraftWithNothingSelected()
    {
        await ReadyAsync();
        var proposal = await ProposalAsync();

        Assert.Equal("draft", proposal.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("decision").ValueKind);
        Assert.Empty(proposal.GetProperty("history").EnumerateArray());
        var slot = WardSlot(proposal);
        Assert.Equal("phuong/tu-1500-duoi-3500", slot.GetProperty("id").GetString());
        Assert.Equal("p-an-hoa", slot.GetProperty("proposed")[0].GetProperty("unit").GetString());
        Assert.Empty(Selected(slot));
    }

    [Fact]
    public async Task WholeChain_CommitteeSelects_AppraiserAppraises_AdminDecides_EachStepInHistoryAndAudit()
    {
        await ReadyAsync();
        using var office = await SignedInAsync(Roles.Committee);
        using var board = await SignedInAsync(Roles.Appraiser);
        using var admin = await Host.AdminBrowserAsync();

        var selected = await OkAsync(await office.PostAsJsonAsync(Transitions, new { to = "selected", note = "Họp xét ngày 05/01/2025", asOf = "2024-12-14" }));
        Assert.Equal("selected", selected.GetProperty("state").GetString());
        Assert.Equal("2024-12-14", selected.GetProperty("asOf").GetString());
        Assert.Equal(["p-an-hoa"], Selected(WardSlot(selected)));
        Assert.NotEqual(JsonValueKind.Null, selected.GetProperty("fixedAt").ValueKind);

        var appraised = await OkAsync(await board.PostAsJsonAsync(Transitions, new { to = "appraised", note = (string?)null }));
        Assert.Equal("appraised", appraised.GetProperty("state").GetString());

        var decided = await OkAsync(await admin.PostAsJsonAsync(Transitions,
            new { to = "decided", note = (string?)null, decision = new { number = "125/QĐ-UBND", date = "2025-01-20", signer = "Trần Việt Trường" } }));
        Assert.Equal("decided", decided.GetProperty("state").GetString());
        var decision = decided.GetProperty("decision");
        Assert.Equal("125/QĐ-UBND", decision.GetProperty("number").GetString());
        Assert.Equal("2025-01-20", decision.GetProperty("date").GetString());
        Assert.Equal("Trần Việt Trường", decision.GetProperty("signer").GetString());

        var history = decided.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["selected", "appraised", "decided"], history.Select(h => h.GetProperty("state").GetString()));
        Assert.Equal(["nguoi-committee", "nguoi-appraiser", "admin"], history.Select(h => h.GetProperty("by").GetString()));
        Assert.Equal("Họp xét ngày 05/01/2025", history[0].GetProperty("note").GetString());

        using var audit = await admin.GetAsync("api/v1/audit?kind=award.proposal");
        var entries = (await OkAsync(audit)).EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.GetProperty("summary").GetString()!.Contains("Quyết định số 125/QĐ-UBND ngày 20/01/2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FigureAfterSelection_MovesTheBoards_NotTheFixedList()
    {
        await ReadyAsync();
        using var office = await SignedInAsync(Roles.Committee);
        await OkAsync(await office.PostAsJsonAsync(Transitions, new { to = "selected", note = (string?)null }));

        // An Hòa's corrected figure puts Cái Khế above it on the boards.
        await CorrectAnHoaDownAsync();
        var live = await OkAsync(await Host.WithKey(AccessHost.ConfigKey).GetAsync("api/v1/awards"));
        Assert.Equal("p-cai-khe", WardSlot(live).GetProperty("proposed")[0].GetProperty("unit").GetString());

        var proposal = await ProposalAsync();
        Assert.Equal("selected", proposal.GetProperty("state").GetString());
        Assert.Equal(["p-an-hoa"], Selected(WardSlot(proposal)));
    }

    [Fact]
    public async Task Dossier_AfterTheDecision_IsTheFixedListWithTheDecisionAndNoDraftMark()
    {
        await ReadyAsync();
        using var script = Host.WithKey(AdminConfigKey);
        foreach (var to in new[] { "selected", "appraised", "decided" }) await OkAsync(await script.PostAsJsonAsync(Transitions, Body(to)));
        await CorrectAnHoaDownAsync();

        using var response = await script.GetAsync("api/v1/awards/dossier/to-trinh.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Dossier.DossierFiles.WordErrors(body));
        var text = Dossier.DossierFiles.WordText(body);
        Assert.Contains("Quyết định số 125/QĐ-UBND ngày 20/01/2025", text);
        Assert.Contains("Phường An Hòa", text);
        Assert.DoesNotContain("Phường Cái Khế", text);
        Assert.DoesNotContain("DỰ THẢO", text);
    }

    [Theory]
    [InlineData(Roles.Committee, "appraised")]
    [InlineData(Roles.Committee, "returned")]
    [InlineData(Roles.Committee, "decided")]
    [InlineData(Roles.Committee, "reopened")]
    [InlineData(Roles.Appraiser, "selected")]
    [InlineData(Roles.Appraiser, "decided")]
    [InlineData(Roles.Appraiser, "reopened")]
    public async Task Transition_ByTheWrongOffice_Is403(string role, string to)
    {
        await ReadyAsync();
        using var client = await SignedInAsync(role);
        using var response = await client.PostAsJsonAsync(Transitions, Body(to));
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("Chỉ ", problem.GetProperty("detail").GetString());
        Assert.Equal("draft", (await ProposalAsync()).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Editor)]
    [InlineData("config-key")]
    public async Task Transition_ByAnyoneOutsideTheChain_Is403(string caller)
    {
        using var client = await CallerAsync(caller);
        using var response = await client.PostAsJsonAsync(Transitions, Body("selected"));
        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Transition_WithoutCredentials_Is401()
    {
        using var response = await Host.Anonymous().PostAsJsonAsync(Transitions, Body("selected"));
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Transition_AdminKey_MayTakeEveryStep()
    {
        await ReadyAsync();
        using var script = Host.WithKey(AdminConfigKey);
        foreach (var to in new[] { "selected", "returned", "selected", "appraised", "decided", "reopened" })
            await OkAsync(await script.PostAsJsonAsync(Transitions, Body(to)));
        var proposal = await ProposalAsync();
        Assert.Equal("draft", proposal.GetProperty("state").GetString());
        Assert.Equal(6, proposal.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [InlineData(new string[0], "appraised")]
    [InlineData(new string[0], "returned")]
    [InlineData(new string[0], "decided")]
    [InlineData(new string[0], "reopened")]
    [InlineData(new[] { "selected" }, "decided")]
    [InlineData(new[] { "selected", "appraised" }, "selected")]
    [InlineData(new[] { "selected", "appraised", "decided" }, "selected")]
    [InlineData(new[] { "selected", "appraised", "decided" }, "appraised")]
    [InlineData(new[] { "selected", "appraised", "decided" }, "decided")]
    public async Task Transition_TheStateDoesNotAllow_Is409AndNothingChanges(string[] before, string to)
    {
        await ReadyAsync();
        using var script = Host.WithKey(AdminConfigKey);
        foreach (var step in before) await OkAsync(await script.PostAsJsonAsync(Transitions, Body(step)));

        using var response = await script.PostAsJsonAsync(Transitions, Body(to));
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Bước này không thực hiện được ở trạng thái hiện tại", problem.GetProperty("title").GetString());
        Assert.Equal(before.Length, (await ProposalAsync()).GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Returned_GoesBackToSelected_AndTheOfficeMaySelectAgain()
    {
        await ReadyAsync();
        using var office = await SignedInAsync(Roles.Committee);
        using var board = await SignedInAsync(Roles.Appraiser);
        await OkAsync(await office.PostAsJsonAsync(Transitions, Body("selected")));
        var returned = await OkAsync(await board.PostAsJsonAsync(Transitions, new { to = "returned", note = "Bổ sung báo cáo thành tích" }));
        Assert.Equal("selected", returned.GetProperty("state").GetString());
        Assert.Equal("returned", returned.GetProperty("history")[1].GetProperty("state").GetString());
        Assert.Equal("Bổ sung báo cáo thành tích", returned.GetProperty("history")[1].GetProperty("note").GetString());
        await OkAsync(await office.PostAsJsonAsync(Transitions, Body("selected")));
    }

    [Fact]
    public async Task Reopened_FollowsTheLiveBoardsAgain()
    {
        await ReadyAsync();
        using var script = Host.WithKey(AdminConfigKey);
        await OkAsync(await script.PostAsJsonAsync(Transitions, Body("selected")));
        await CorrectAnHoaDownAsync();
        var reopened = await OkAsync(await script.PostAsJsonAsync(Transitions, new { to = "reopened", note = "Số liệu tháng 12 được bổ sung" }));
        Assert.Equal("draft", reopened.GetProperty("state").GetString());
        Assert.Equal("p-cai-khe", WardSlot(reopened).GetProperty("proposed")[0].GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("fixedAt").ValueKind);
    }

    [Fact]
    public async Task Select_TieAtTheLastSlot_NeedsTheOfficesChoice_WhichIsKeptWithItsReason()
    {
        await TwoRegisteredWardsAsync();
        using var script = Host.WithKey(AdminConfigKey);
        (await AccessHost.PostFigures(Host.WithKey(AccessHost.ConfigKey), AccessHost.Rate("p-cai-khe", numerator: 900))).EnsureSuccessStatusCode();
        foreach (var unit in new[] { "p-an-hoa", "p-cai-khe" })
            (await script.PutAsJsonAsync($"api/v1/units/{unit}/standard", new { nq02 = "met", note = (string?)null })).EnsureSuccessStatusCode();
        var slotId = WardSlot(await ProposalAsync()).GetProperty("id").GetString();

        using var tied = await script.PostAsJsonAsync(Transitions, Body("selected"));
        var problem = await ProblemAsync(tied, HttpStatusCode.Conflict);
        Assert.Contains("đồng hạng", problem.GetProperty("detail").GetString());

        var chosen = await OkAsync(await script.PostAsJsonAsync(Transitions,
            new { to = "selected", note = (string?)null, choices = new[] { new { slot = slotId, units = new[] { "p-cai-khe" }, reason = "Tỷ lệ số hóa hồ sơ cao hơn" } } }));
        var selected = Assert.Single(WardSlot(chosen).GetProperty("selected").EnumerateArray());
        Assert.Equal("p-cai-khe", selected.GetProperty("unit").GetString());
        Assert.Equal("Tỷ lệ số hóa hồ sơ cao hơn", selected.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Select_MoreUnitsThanSlots_Is409()
    {
        await ReadyAsync();
        var slot = WardSlot(await ProposalAsync());
        using var script = Host.WithKey(AdminConfigKey);
        using var response = await script.PostAsJsonAsync(Transitions, new
        {
            to = "selected", note = (string?)null,
            choices = new[] { new { slot = slot.GetProperty("id").GetString(), units = new[] { "p-an-hoa", "p-cai-khe" }, reason = "Cả hai" } },
        });
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Danh sách đề nghị không đúng kế hoạch", problem.GetProperty("title").GetString());
        Assert.Contains($"chỉ có {slot.GetProperty("count").GetInt32()} suất, đã chọn 2 đơn vị", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Select_AnIneligibleUnit_Is409WithItsReason()
    {
        await ReadyAsync();
        var slotId = WardSlot(await ProposalAsync()).GetProperty("id").GetString();
        using var script = Host.WithKey(AdminConfigKey);
        // p-an-khanh has not registered.
        using var response = await script.PostAsJsonAsync(Transitions, new
        {
            to = "selected", note = (string?)null, choices = new[] { new { slot = slotId, units = new[] { "p-an-khanh" }, reason = "Đề nghị" } },
        });
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("không đủ điều kiện khen thưởng", problem.GetProperty("detail").GetString());
        Assert.Contains("Chưa ghi nhận đăng ký thi đua", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Select_AUnitNotAssessedAgainstNq02_Is409()
    {
        await TwoRegisteredWardsAsync();
        using var response = await Host.WithKey(AdminConfigKey).PostAsJsonAsync(Transitions, Body("selected"));
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("chưa được đánh giá tiêu chí Nghị quyết 02/NQ-CP", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Select_AnIndividualFromAUnitWithoutTheCollectiveAward_Is409()
    {
        await ReadyAsync();
        var book = Host.Get<AwardBook>();
        Assert.Empty((await book.AddIndividualAsync("Nguyễn Văn A", "Công chức một cửa", "p-an-hoa", ThiDua.Dashboard.Storage.IndividualDuty.MotCua, "Tiếp nhận hồ sơ đúng hạn", "van-phong")).Problems);
        var slotId = WardSlot(await ProposalAsync()).GetProperty("id").GetString();
        using var response = await Host.WithKey(AdminConfigKey).PostAsJsonAsync(Transitions, new
        {
            to = "selected", note = (string?)null, choices = new[] { new { slot = slotId, units = Array.Empty<string>(), reason = "Không đề nghị" } },
        });
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Nguyễn Văn A", problem.GetProperty("detail").GetString());
        Assert.Contains("cá nhân chỉ được chọn từ đơn vị được khen tập thể", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Select_AThamMuuNomineeWhileTheCityRatingIsBelowTot_Is409()
    {
        await ReadyAsync();
        using var script = Host.WithKey(AdminConfigKey);
        (await script.PutAsJsonAsync("api/v1/units/so-tu-phap/registration", new { registeredOn = "2024-03-01" })).EnsureSuccessStatusCode();
        (await script.PutAsJsonAsync("api/v1/units/so-tu-phap/standard", new { nq02 = "met", note = (string?)null })).EnsureSuccessStatusCode();
        (await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = (string?)null })).EnsureSuccessStatusCode();
        Assert.Empty((await Host.Get<AwardBook>().NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Tham mưu tốt", "van-phong")).Problems);
        (await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "kha", source = (string?)null })).EnsureSuccessStatusCode();

        using var response = await script.PostAsJsonAsync(Transitions, Body("selected"));
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("tham mưu", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("766", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"to":"approved","note":null}""", "to")]
    [InlineData("""{"note":null}""", "to")]
    [InlineData("""{"to":"returned","note":null}""", "note")]
    [InlineData("""{"to":"reopened","note":"  "}""", "note")]
    [InlineData("""{"to":"decided","note":null}""", "decision")]
    [InlineData("""{"to":"decided","note":null,"decision":{"number":"125/QĐ-UBND","date":"20/01/2025","signer":"A"}}""", "decision.date")]
    [InlineData("""{"to":"decided","note":null,"decision":{"number":"","date":"2025-01-20","signer":"A"}}""", "decision.number")]
    [InlineData("""{"to":"appraised","note":null,"asOf":"2024-12-31"}""", "asOf")]
    [InlineData("""{"to":"selected","note":null,"asOf":"2026-01-01"}""", "asOf")]
    [InlineData("""{"to":"selected","note":null,"choices":[{"slot":"p-phuong/x","units":["p-an-hoa"]}]}""", "choices[0].reason")]
    [InlineData("""{"to":"selected","note":null,"choices":{"slot":"x"}}""", "choices")]
    [InlineData("""{"to":"selected","note":"\ud800"}""", "note")]
    [InlineData("""{"to":"selected","note":null,"extra":1}""", "extra")]
    public async Task Transition_BadField_Is400NamingIt(string body, string field)
    {
        using var response = await Host.WithKey(AdminConfigKey).PostAsync(Transitions, Json(body));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Dữ liệu gửi lên không hợp lệ", problem.GetProperty("title").GetString());
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("not json")]
    public async Task Transition_BodyNotAnObject_Is400(string body)
    {
        using var response = await Host.WithKey(AdminConfigKey).PostAsync(Transitions, Json(body));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("field").ValueKind);
    }

    [Fact]
    public async Task Select_UnknownSlot_Is400()
    {
        await ReadyAsync();
        using var response = await Host.WithKey(AdminConfigKey).PostAsJsonAsync(Transitions, new
        {
            to = "selected", note = (string?)null, choices = new[] { new { slot = "khong-co/nhom", units = new[] { "p-an-hoa" }, reason = "x" } },
        });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Không có suất “khong-co/nhom”", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetProposal_MalformedAsOf_Is400NamingIt()
    {
        using var response = await Host.WithKey(AccessHost.ConfigKey).GetAsync("api/v1/awards/proposal?asOf=31-12-2024");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("asOf", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task AwardsExport_AfterTheDecision_IsTheFixedListWithTheDecisionLine_WhateverFiguresFollow()
    {
        await ReadyAsync();
        using var admin = await Host.AdminBrowserAsync();
        foreach (var to in new[] { "selected", "appraised", "decided" })
            await OkAsync(await admin.PostAsJsonAsync(Transitions, Body(to)));
        // After the decision Cái Khế overtakes An Hòa on the boards.
        await CorrectAnHoaDownAsync();
        using var reader = Host.WithKey(AccessHost.ConfigKey);

        using var csvResponse = await reader.GetAsync("api/v1/awards/export?format=csv");
        using var xlsxResponse = await reader.GetAsync("api/v1/awards/export?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var lines = System.Text.Encoding.UTF8.GetString((await csvResponse.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Contains(lines, l => l.Contains(",p-an-hoa,", StringComparison.Ordinal) && l.Contains(",Được tặng Bằng khen", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",p-cai-khe,", StringComparison.Ordinal));
        Assert.StartsWith("Quyết định khen thưởng,Khen thưởng theo Quyết định số 125/QĐ-UBND ngày 20/01/2025 của Chủ tịch UBND thành phố", lines[^2]);

        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var workbook = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var info = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Thông tin").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Mục"]!, r => r["Giá trị"]);
        Assert.Equal("Đã có quyết định khen thưởng", info["Trạng thái đề xuất"]);
        Assert.StartsWith("Quyết định số 125/QĐ-UBND ngày 20/01/2025", (string)info["Quyết định khen thưởng"]!);
        workbook.Position = 0;
        var units = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Đề xuất khen thưởng").Cast<IDictionary<string, object?>>()
            .Where(r => (string?)r["Đề xuất"] == "Được tặng Bằng khen").Select(r => (string)r["Mã đơn vị"]!).ToList();
        Assert.Equal(["p-an-hoa"], units);
    }

    private async Task CorrectAnHoaDownAsync()
    {
        using var writer = Host.WithKey(AccessHost.ConfigKey);
        (await AccessHost.PostFigures(writer, AccessHost.Rate("p-an-hoa", numerator: 100))).EnsureSuccessStatusCode();
    }

    private static object Body(string to) => to switch
    {
        "returned" => new { to, note = "Cần bổ sung" },
        "reopened" => new { to, note = "Mở lại để xét lại" },
        "decided" => new { to, note = (string?)null, decision = (object)new { number = "125/QĐ-UBND", date = "2025-01-20", signer = "Chủ tịch UBND thành phố" } },
        _ => (object)new { to, note = (string?)null },
    };
}

/// <summary>Every test of <see cref="ProposalApiTests"/>, on PostgreSQL.</summary>
public sealed class ProposalApiOnPostgresTests(PostgresTestDatabase postgres) : ProposalApiTests(postgres), IClassFixture<PostgresTestDatabase>;
