using System.Net;
using System.Text.RegularExpressions;

namespace ThiDua.Dashboard.Tests.Hosting;

public sealed partial class HomePageTests : IAsyncLifetime
{
    private const string CampaignNameStart = "Thực hiện công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa";

    private readonly DashboardHost _host = new();
    private HttpClient _client = default!;

    public Task InitializeAsync()
    {
        var address = _host.Start();
        _client = new HttpClient { BaseAddress = address };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task HomePage_Get_ShowsCampaignNamePeriodAndBlocks()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");

        // Act
        using var response = await _client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains(CampaignNameStart, html);
        Assert.Contains("từ ngày 15/12/2023 đến ngày 14/12/2024", html);
        Assert.Contains("UBND xã, thị trấn", html);
        Assert.Contains("Từ 1.500 đến dưới 3.500 hồ sơ giải quyết", html);
        Assert.Contains("data-interactive=\"false\"", html);
    }

    [Fact]
    public async Task HomePage_Get_LinksMudBlazorStylesheetThatIsServed()
    {
        // Arrange
        var page = await _client.GetStringAsync("/");
        var href = MudBlazorStylesheet().Match(page);

        // Act
        using var css = await _client.GetAsync(href.Groups["href"].Value);

        // Assert
        Assert.True(href.Success, "no MudBlazor stylesheet link in the page");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".mud-", await css.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("favicon.ico", "image/x-icon")]
    [InlineData("_framework/blazor.web.js", "text/javascript")]
    public async Task StaticAssets_Get_Answer200(string path, string mediaType)
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, path);

        // Act
        using var response = await _client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownAddress_Get_Returns404WithVietnamesePage()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/khong-co-trang-nay");

        // Act
        using var response = await _client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", html);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>_content/MudBlazor/MudBlazor[^"]*\.css)"\s*/?>""")]
    private static partial Regex MudBlazorStylesheet();
}
