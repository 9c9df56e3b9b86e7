using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Configuration;

/// <summary>
/// One campaign clock: the app's instant comes from its TimeProvider and every wall-clock time from the
/// campaign's zone (<c>ThiDua:Campaign:TimeZone</c>), so a fake clock and another zone move every time shown.
/// </summary>
public sealed class CampaignClockTests
{
    // 03:00 UTC is 10:00 in Việt Nam: a page still on Việt Nam's zone would show 10:xx.
    private static readonly DateTimeOffset Now = new(2024, 6, 30, 3, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> InUtc(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ThiDua:Campaign:TimeZone"] = "UTC",
            ["ThiDua:Admin:InitialPassword"] = AccessHost.AdminPassword,
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task SignIn_LockedOut_ShowsTheUnlockTimeFromTheClockInTheCampaignZone()
    {
        // Arrange
        await using var host = new DashboardHost(InUtc(("ThiDua:Access:MaxFailedSignIns", "1"), ("ThiDua:Access:LockoutMinutes", "15")),
            time: new FakeTimeProvider(Now));
        var address = host.Start();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
            { BaseAddress = address };

        // Act
        using var response = await AccessHost.SignInAsync(browser, "admin", "khong-dung-mat-khau");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert: locked until 03:15 UTC, shown as the campaign's (UTC) wall clock, not Việt Nam's 10:15.
        Assert.Contains("hãy thử lại sau 03:15 ngày 30/06/2024", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaderboardExport_InfoSheet_GeneratedAtIsTheClocksInstantInTheCampaignZone()
    {
        // Arrange
        await using var host = new DashboardHost(InUtc(), time: new FakeTimeProvider(Now));
        using var client = new HttpClient { BaseAddress = host.Start() };

        // Act
        var workbook = await client.GetByteArrayAsync("api/v1/leaderboards/export?format=xlsx&asOf=2024-06-30");

        // Assert
        using var stream = new MemoryStream(workbook);
        var info = stream.Query(useHeaderRow: true, sheetName: "Thông tin").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Mục"]!, r => r["Giá trị"]);
        Assert.Equal("30/06/2024 03:00:00 (UTC+00:00, UTC)", info["Thời điểm xuất"]);
    }

    [Fact]
    public async Task Migrations_AppliedAt_ComesFromTheClock()
    {
        // Arrange
        var folder = Path.Combine(Path.GetTempPath(), "thidua-clock-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "thidua.db");
        try
        {
            await using (var host = new DashboardHost(InUtc(("ConnectionStrings:ThiDua", $"Data Source={file}")), time: new FakeTimeProvider(Now)))
            {
                // Act
                host.Start();
            }

            // Assert
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT applied_at FROM schema_version";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.StartsWith("2024-06-30T03:00:00", reader.GetString(0), StringComparison.Ordinal);
            Assert.False(await reader.ReadAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
        }
    }

    /// <summary>What reads the system clock or names a zone; only the clock may.</summary>
    [Theory]
    [InlineData("Asia/Ho_Chi_Minh")]
    [InlineData("FindSystemTimeZoneById")]
    [InlineData("DateTimeOffset.UtcNow")]
    [InlineData("DateTimeOffset.Now")]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTime.Today")]
    public void AppSources_ReadTheClockOrNameAZoneOnlyInTheClock(string forbidden)
    {
        var root = SettingsFileTests.RepositoryRoot();
        string[] clock = [Path.Combine("ThiDua.Scoring", "Time", "CampaignCalendar.cs"), Path.Combine("ThiDua.Dashboard", "Configuration", "CampaignClock.cs")];
        var files = new[] { "ThiDua.Dashboard", "ThiDua.Scoring" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".razor")
            .Where(f => !clock.Contains(Path.GetRelativePath(root, f)));

        var offending = files.Where(f => File.ReadAllText(f, Encoding.UTF8).Contains(forbidden, StringComparison.Ordinal)).Select(f => Path.GetRelativePath(root, f));

        Assert.Empty(offending);
    }
}
