using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ThiDua.Dashboard.Tests.Accounts;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// A multipart upload cut short (the connection of a flaky network, a client that gave up): a 400
/// problem+json in Vietnamese, nothing stored, and the reason in the log.
/// </summary>
public sealed class TruncatedImportTests : AccessHostTest
{
    private const string Boundary = "ranh-gioi-0123456789";

    private static byte[] Multipart() => Encoding.UTF8.GetBytes(
        $"--{Boundary}\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"so-lieu.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n"
        + "ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\np-an-hoa,2024-06-30,c,825,1000\r\n"
        + $"\r\n--{Boundary}--\r\n");

    [Theory]
    [InlineData(20)]   // inside the part's headers
    [InlineData(150)]  // inside the file
    [InlineData(-10)]  // the closing boundary cut off
    public async Task Import_MultipartBodyCutShort_Returns400ProblemStoresNothingAndLogsWhy(int cut)
    {
        // Arrange
        var whole = Multipart();
        var length = cut > 0 ? cut : whole.Length + cut;
        var content = new ByteArrayContent(whole, 0, length);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        using var client = Host.WithKey(AccessHost.ConfigKey);

        // Act
        using var response = await client.PostAsync("api/v1/imports?dryRun=false", content);

        // Assert
        var problem = await ApiEdgeTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Không đọc được tệp gửi lên", problem.GetProperty("title").GetString());
        Assert.Contains("bị cắt ngang", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Host.FigureCount());
        Assert.Contains(Host.Log, line => line.Contains("Import refused: the multipart body could not be read", StringComparison.Ordinal)
            && line.Contains("Exception", StringComparison.Ordinal));
    }
}
