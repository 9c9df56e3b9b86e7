using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Data.Common;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>The audit trail: every change recorded, append-only, and a hash chain that finds the altered entry.</summary>
public class AuditTrailTests : AccessHostTest
{
    public AuditTrailTests()
    {
    }

    private protected AuditTrailTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    [Fact]
    public async Task Verify_AfterMixedOperations_ValidThenReportsTheExactAlteredEntry()
    {
        // Arrange: figures, a registration, an import, users, keys, sign-ins good and bad.
        var (_, adminKey) = await Host.CreateKeyAsync("kiem-toan", admin: true);
        using var admin = Host.WithKey(adminKey);
        using var writer = Host.WithKey(AccessHost.ConfigKey);
        (await AccessHost.PostFigures(writer, AccessHost.Rate("p-an-hoa"))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-03-01" })).EnsureSuccessStatusCode();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("unit,asOf,indicator,numerator,denominator\np-cai-khe,2024-06-30,c,700,1000\n")), "file", "tep.csv" } };
        (await writer.PostAsync("api/v1/imports?dryRun=false", form)).EnsureSuccessStatusCode();
        using var browser = Host.Browser();
        (await AccessHost.SignInAsync(browser, "admin", "sai-mat-khau")).Dispose();
        using var adminBrowser = await Host.AdminBrowserAsync();
        var entries = await Host.ScalarAsync("SELECT count(*) FROM audit_log");

        // Act
        var valid = await admin.GetFromJsonAsync<JsonElement>("api/v1/audit/verify");
        var target = await Host.ScalarAsync("SELECT id FROM audit_log WHERE kind = 'figures.batch' ORDER BY id LIMIT 1");
        await Storage.ExecuteAsync(
            $"DROP TRIGGER audit_log_no_update{(Storage.IsPostgres ? " ON audit_log" : "")}; UPDATE audit_log SET summary = '1 số liệu' WHERE id = {target};");
        var broken = await admin.GetFromJsonAsync<JsonElement>("api/v1/audit/verify");
        var cookieVerify = await adminBrowser.GetFromJsonAsync<JsonElement>("api/v1/audit/verify");

        // Assert
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal(entries, valid.GetProperty("entries").GetInt64());
        Assert.Equal(JsonValueKind.Null, valid.GetProperty("firstBroken").ValueKind);
        var kinds = (await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery())).Select(e => e.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { AuditKinds.Figures, AuditKinds.UnitRegistration, AuditKinds.Import, AuditKinds.KeyCreate, AuditKinds.UserCreate, AuditKinds.SignIn, AuditKinds.SignInFailed, AuditKinds.UserPassword }, kinds);
        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Equal(target, broken.GetProperty("firstBroken").GetProperty("id").GetInt64());
        Assert.Equal("hash", broken.GetProperty("firstBroken").GetProperty("reason").GetString());
        Assert.False(cookieVerify.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task AuditLog_UpdateOrDelete_RefusedByTheDatabase()
    {
        // Arrange
        await Host.CreateKeyAsync("mot-khoa");
        await using var connection = await Storage.OpenRawAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit_log SET actor = 'ai-do'";
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_log";

        // Act
        var updateError = await Record.ExceptionAsync(() => update.ExecuteNonQueryAsync());
        var deleteError = await Record.ExceptionAsync(() => delete.ExecuteNonQueryAsync());

        // Assert
        Assert.Contains("append-only", Assert.IsAssignableFrom<DbException>(updateError).Message);
        Assert.Contains("append-only", Assert.IsAssignableFrom<DbException>(deleteError).Message);
    }

    [Fact]
    public async Task Verify_WithoutOrWithNonAdminCredentials_401And403()
    {
        // Arrange
        using var anonymous = Host.Anonymous();
        using var writer = Host.WithKey(AccessHost.ConfigKey);

        // Act
        using var none = await anonymous.GetAsync("api/v1/audit/verify");
        using var notAdmin = await writer.GetAsync("api/v1/audit/verify");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal("application/problem+json", notAdmin.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AdminPage_SignedInAsNonAdmin_SentToSignIn()
    {
        // Arrange
        await Host.Get<AccountService>().CreateUserAsync("van-phong", "Văn phòng UBND thành phố", Roles.Committee, UnitScope.All, "mat-khau-van-phong", new AccountActor("admin", null));
        using var browser = Host.Browser();
        (await AccessHost.SignInAsync(browser, "van-phong", "mat-khau-van-phong")).Dispose();
        (await AccessHost.PostFormAsync(browser, "doi-mat-khau", new Dictionary<string, string>
        {
            ["currentPassword"] = "mat-khau-van-phong", ["newPassword"] = "mat-khau-moi-van-phong", ["confirmPassword"] = "mat-khau-moi-van-phong",
        })).Dispose();

        // Act
        using var page = await browser.GetAsync("quan-tri");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/dang-nhap", page.Headers.Location!.OriginalString);
    }
}

/// <summary>Every test of <see cref="AuditTrailTests"/>, on PostgreSQL.</summary>
public sealed class AuditTrailOnPostgresTests(PostgresTestDatabase postgres) : AuditTrailTests(postgres), IClassFixture<PostgresTestDatabase>;
