using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Dashboard.Tests.Campaigns;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>The campaign endpoints answer the campaign file reader's findings; the units endpoint takes a CSV/XLSX unit list; every change is audited.</summary>
public sealed class CampaignImportApiTests
{
    private const string Test = CampaignApiHost.TestCode;
    private const string CsvHeader = "ma_don_vi,ten_don_vi,khoi,quan_huyen,hieu_luc_tu,hieu_luc_den,tien_than";

    [Fact]
    public async Task CampaignsPost_JsonSyntaxError_400WithLineAndColumn()
    {
        await using var host = new CampaignApiHost();

        using var response = await host.ImportAsync("{\n  \"code\": \"a\"\n  \"name\": \"b\"\n}", "true");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("json-syntax", error.GetProperty("code").GetString());
        Assert.Equal("Tệp không đúng cú pháp JSON ở dòng 3, cột 3: kiểm tra dấu phẩy, dấu ngoặc kép và các cặp ngoặc { } [ ] quanh chỗ đó.",
            error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CampaignsPost_PlanWithThe2000Hole_DryRunAnswersTheVietnameseWarning()
    {
        await using var host = new CampaignApiHost();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(CanTho2024.ShippedFilePath))!;
        file["code"] = "can-tho-2024-ban-sao";

        using var response = await host.ImportAsync(file.ToJsonString(), "true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(answer.GetProperty("errors").EnumerateArray());
        var hole = Assert.Single(answer.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "dossier-hole");
        Assert.Equal("groups", hole.GetProperty("path").GetString());
        Assert.Contains("đúng 2.000 hồ sơ", hole.GetProperty("message").GetString());
        Assert.Contains("không thuộc nhóm nào", hole.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CampaignsPost_UnitError_400NamingTheUnit()
    {
        await using var host = new CampaignApiHost();
        var file = JsonNode.Parse(CampaignApiHost.CampaignFile())!;
        file["units"]![1]!["block"] = "khoi-khong-co";

        using var response = await host.ImportAsync(file.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(("unit-block-unknown", "units[1].block"), (error.GetProperty("code").GetString(), error.GetProperty("path").GetString()));
        Assert.Contains("Đơn vị “s-tu-phap” thuộc khối “khoi-khong-co” không có trong danh sách khối", error.GetProperty("message").GetString());
        Assert.Single((await host.GetJsonAsync("api/v1/campaigns")).EnumerateArray());
    }

    [Fact]
    public async Task CampaignRulesAndUnitsPut_AnswerTheFileReadersFindings()
    {
        await using var host = new CampaignApiHost();
        await ImportDraftAsync(host);

        using var rules = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/rules", Json("{ \"name\": \"x\", \"comparisonDays\": \"ba\" }"));
        Assert.Equal(HttpStatusCode.BadRequest, rules.StatusCode);
        var rulesError = Assert.Single((await rules.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(("type-integer", "comparisonDays"), (rulesError.GetProperty("code").GetString(), rulesError.GetProperty("path").GetString()));

        using var units = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/units",
            Json("[{ \"code\": \"s-noi-vu\", \"name\": \"A\", \"block\": \"so-ban-nganh\" }, { \"code\": \"s-noi-vu\", \"name\": \"B\", \"block\": \"so-ban-nganh\" }]"));
        Assert.Equal(HttpStatusCode.BadRequest, units.StatusCode);
        var unitError = Assert.Single((await units.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("units[1].code", unitError.GetProperty("path").GetString());
        Assert.Contains("Mã đơn vị “s-noi-vu” bị trùng với đơn vị thứ 1", unitError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CampaignUnitsPut_TextCsv_BadRowsAre400WithTheirRowNumbers_AGoodListReplacesTheUnits()
    {
        await using var host = new CampaignApiHost();
        await ImportDraftAsync(host);

        var bad = $"{CsvHeader}\ns-noi-vu,Sở Nội vụ,so-ban-nganh,,,,\ns-tu-phap,Sở Tư pháp,khoi-khong-co,,,,\ns-y-te,,so-ban-nganh,,,,\n";
        using var refused = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/units", new StringContent(bad, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var messages = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("Dòng 3, cột", StringComparison.Ordinal) && m.Contains("khoi-khong-co"));
        Assert.Contains(messages, m => m.StartsWith("Dòng 4, cột", StringComparison.Ordinal) && m.Contains("chưa có tên"));

        var good = $"{CsvHeader}\ns-noi-vu,Sở Nội vụ,so-ban-nganh,,,,\np-cai-rang,Phường Cái Răng,phuong,,,,\nx-my-khanh,Xã Mỹ Khánh,xa,,,,\n";
        using var replaced = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/units", new StringContent(good, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        using (var activated = await host.Admin.PostAsync($"api/v1/campaigns/{Test}/activate", null)) activated.EnsureSuccessStatusCode();
        var stored = await host.GetJsonAsync($"api/v1/units?campaign={Test}");
        Assert.Equal(["p-cai-rang", "s-noi-vu", "x-my-khanh"], stored.EnumerateArray().Select(u => u.GetProperty("code").GetString()).Order());
    }

    [Fact]
    public async Task CampaignUnitsPut_MultipartXlsx_ReplacesTheUnits_ABadRowIs400WithItsRowNumber()
    {
        await using var host = new CampaignApiHost();
        await ImportDraftAsync(host);
        CampaignUnit Unit(string code, string name, string block) => new(code, name, block, null, null, null, []);

        var bad = UnitListTemplate.Xlsx([Unit("s-noi-vu", "Sở Nội vụ", "so-ban-nganh"), Unit("s-tu-phap", "Sở Tư pháp", "khoi-sai")]);
        using var refused = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/units", Upload(bad, "don-vi.xlsx"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.StartsWith("Dòng 3, cột", error.GetProperty("message").GetString());
        Assert.Contains("khoi-sai", error.GetProperty("message").GetString());

        var good = UnitListTemplate.Xlsx([Unit("s-noi-vu", "Sở Nội vụ", "so-ban-nganh"), Unit("p-cai-rang", "Phường Cái Răng", "phuong"), Unit("x-my-khanh", "Xã Mỹ Khánh", "xa")]);
        using var replaced = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/units", Upload(good, "don-vi.xlsx"));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        using (var activated = await host.Admin.PostAsync($"api/v1/campaigns/{Test}/activate", null)) activated.EnsureSuccessStatusCode();
        Assert.Equal(3, (await host.GetJsonAsync($"api/v1/units?campaign={Test}")).GetArrayLength());
    }

    [Fact]
    public async Task CampaignUnitsPut_MultipartCutShort_400AsTheFigureImportSays()
    {
        await using var host = new CampaignApiHost();
        await ImportDraftAsync(host);
        const string boundary = "ranh-gioi-0123456789";
        var whole = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"don-vi.csv\"\r\n"
            + $"Content-Type: text/csv\r\n\r\n{CsvHeader}\r\ns-noi-vu,Sở Nội vụ,so-ban-nganh,,,,\r\n\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent(whole, 0, whole.Length - 10);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        using var response = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/units", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Không đọc được tệp gửi lên", problem.GetProperty("title").GetString());
        Assert.Contains("bị cắt ngang", problem.GetProperty("detail").GetString());
        Assert.Equal(15, (await host.Api.Services.GetRequiredService<CampaignStore>().UnitsAsync((await host.Api.Services.GetRequiredService<CampaignStore>().GetAsync(Test))!.Id)).Count);
    }

    [Fact]
    public async Task CampaignChanges_EachWriteAnAuditEntry_ReadBackFromTheAuditEndpoint()
    {
        await using var host = new CampaignApiHost();
        await host.ActivateTestCampaignAsync();
        using (var closed = await host.Admin.PostAsync($"api/v1/campaigns/{Test}/close", null)) closed.EnsureSuccessStatusCode();
        using (var copied = await host.Admin.PostAsJsonAsync($"api/v1/campaigns/{Test}/copy",
                   new { code = "chuyen-doi-so-2027", periodStart = "2027-01-01", periodEnd = "2027-12-31" }))
            Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        using (var chosen = await host.Admin.PostAsync($"api/v1/campaigns/{Test}/default", null)) chosen.EnsureSuccessStatusCode();

        var entries = (await host.Admin.GetFromJsonAsync<JsonElement>("api/v1/audit")).EnumerateArray()
            .Select(e => (Kind: e.GetProperty("kind").GetString(), Subject: e.GetProperty("subject").GetString(), Summary: e.GetProperty("summary").GetString()!))
            .ToList();
        Assert.Contains(entries, e => e.Kind == "campaign.create" && e.Subject == $"campaign/{Test}");
        Assert.Contains(entries, e => e.Kind == "campaign.activate" && e.Subject == $"campaign/{Test}" && e.Summary.StartsWith("Kích hoạt chiến dịch", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Kind == "campaign.close" && e.Subject == $"campaign/{Test}" && e.Summary.StartsWith("Kết thúc chiến dịch", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Kind == "campaign.copy" && e.Subject == "campaign/chuyen-doi-so-2027");
        Assert.Contains(entries, e => e.Kind == "campaign.default" && e.Subject == $"campaign/{Test}");
        var verified = await host.Admin.GetFromJsonAsync<JsonElement>("api/v1/audit/verify");
        Assert.True(verified.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task CampaignDraftChanges_RulesAndUnitsReplaced_AreAudited()
    {
        await using var host = new CampaignApiHost();
        await ImportDraftAsync(host);
        var file = JsonNode.Parse(CampaignApiHost.CampaignFile())!.AsObject();
        var units = file["units"]!.ToJsonString();
        file.Remove("units");

        using (var rules = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/rules", Json(file.ToJsonString()))) Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        using (var replaced = await host.Admin.PutAsync($"api/v1/campaigns/{Test}/units", Json(units))) Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var kinds = (await host.Admin.GetFromJsonAsync<JsonElement>($"api/v1/audit?kind=campaign.rules")).EnumerateArray()
            .Concat((await host.Admin.GetFromJsonAsync<JsonElement>($"api/v1/audit?kind=campaign.units")).EnumerateArray())
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["campaign.rules", "campaign.units"], kinds);
    }

    private static async Task ImportDraftAsync(CampaignApiHost host)
    {
        using var created = await host.ImportAsync(CampaignApiHost.CampaignFile());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
