using System.Net;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>
/// Pages take <c>?chien-dich=CODE</c> on the real host: the chosen campaign's units, the Vietnamese not-found
/// page with a 404 for a code no campaign has, and for a draft (not public before it is activated).
/// </summary>
public sealed class CampaignPageAddressTests
{
    private static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(CampaignApiHost host, string path)
    {
        using var response = await host.Anonymous.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Page_ActiveCampaignChosen_ShowsItsUnitsAndName()
    {
        // Arrange
        await using var host = new CampaignApiHost();
        await host.ActivateTestCampaignAsync();

        // Act
        var (status, html) = await GetPageAsync(host, $"bang-xep-hang/phuong?chien-dich={CampaignApiHost.TestCode}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Phường Ninh Kiều", html);
        Assert.Contains("Thi đua đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính năm 2026 (đợt thử nghiệm tính tổng quát)", html);
        Assert.DoesNotContain("Không tìm thấy trang", html);
    }

    [Theory]
    [InlineData("?chien-dich=khong-co")]
    [InlineData("?chien-dich=khong-co&ngay=2024-06-30")]
    public async Task Page_UnknownCampaign_Returns404WithVietnameseNotFoundPage(string query)
    {
        // Arrange
        await using var host = new CampaignApiHost();

        // Act
        var (status, html) = await GetPageAsync(host, "don-vi/p-an-hoa" + query);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không tìm thấy trang", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bang-xep-hang/phuong")]
    [InlineData("don-vi/p-ninh-kieu")]
    public async Task Page_DraftCampaign_Returns404(string path)
    {
        // Arrange: imported, not activated.
        await using var host = new CampaignApiHost();
        using var created = await host.ImportAsync(CampaignApiHost.CampaignFile());
        created.EnsureSuccessStatusCode();

        // Act
        var (status, html) = await GetPageAsync(host, $"{path}?chien-dich={CampaignApiHost.TestCode}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không tìm thấy trang", html);
        Assert.DoesNotContain("Phường Ninh Kiều", html);
    }

    [Fact]
    public async Task Page_NoCampaignChosen_ShowsTheDefaultCampaign()
    {
        // Arrange
        await using var host = new CampaignApiHost();
        await host.ActivateTestCampaignAsync();

        // Act
        var (status, html) = await GetPageAsync(host, "don-vi/p-an-hoa");

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Phường An Hòa", html);
    }
}
