using System.Net;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>A page for a unit or block that does not exist answers 404 with the Vietnamese not-found page.</summary>
public sealed class NotFoundPageTests
{
    [Theory]
    [InlineData("Development", "don-vi/p-khong-co")]
    [InlineData("Development", "bang-xep-hang/khoi-khong-co")]
    [InlineData("Production", "don-vi/p-khong-co")]
    [InlineData("Production", "bang-xep-hang/khoi-khong-co")]
    public async Task Page_UnknownUnitOrBlock_Returns404WithVietnameseNotFoundPage(string environment, string path)
    {
        // Arrange
        await using var host = new DashboardHost(environment: environment);
        using var client = new HttpClient { BaseAddress = host.Start() };

        // Act
        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy trang", html);
    }

    [Theory]
    [InlineData("don-vi/p-an-hoa", "Phường An Hòa")]
    [InlineData("bang-xep-hang/phuong", "Bảng xếp hạng")]
    public async Task Page_KnownUnitOrBlock_Returns200(string path, string text)
    {
        // Arrange
        await using var host = new DashboardHost();
        using var client = new HttpClient { BaseAddress = host.Start() };

        // Act
        using var response = await client.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(text, html);
        Assert.DoesNotContain("Không tìm thấy trang", html);
    }
}
