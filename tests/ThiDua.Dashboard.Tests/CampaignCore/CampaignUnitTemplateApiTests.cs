using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Dashboard.Tests.Campaigns;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>GET /api/v1/campaigns/{code}/units/template: a campaign's unit list as a file that imports back as it is.</summary>
public sealed class CampaignUnitTemplateApiTests
{
    [Theory]
    [InlineData("csv", "text/csv", "danh-sach-don-vi.csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "danh-sach-don-vi.xlsx")]
    public async Task UnitTemplate_Campaign_IsItsUnitListAsAFileThatReadsBack(string format, string contentType, string fileName)
    {
        await using var host = new CampaignApiHost();

        using var response = await host.Anonymous.GetAsync($"api/v1/campaigns/{CanTho2024.Code}/units/template?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rules = CanTho2024.FromSettingsAndSeed().Rules;
        var file = UnitListFileReader.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), fileName, rules);
        Assert.Empty(file.Errors);
        Assert.Equal(111, file.Units.Count);
        Assert.Contains(file.Units, u => u.Code == "so-xay-dung" && u.Name == "Sở Xây dựng" && u.Block == "so-nganh");
    }

    [Fact]
    public async Task UnitTemplate_UnknownCampaign_404InVietnamese()
    {
        await using var host = new CampaignApiHost();

        using var response = await host.Anonymous.GetAsync("api/v1/campaigns/khong-co/units/template?format=csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không có chiến dịch mã “khong-co”", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnitTemplate_UnknownFormat_400NamingTheParameter()
    {
        await using var host = new CampaignApiHost();

        using var response = await host.Anonymous.GetAsync($"api/v1/campaigns/{CanTho2024.Code}/units/template?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("format", problem.GetProperty("parameter").GetString());
        Assert.Equal("Dùng format=csv hoặc format=xlsx.", problem.GetProperty("detail").GetString());
    }
}
