using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Scoring.Figures;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>Scoped keys and editors: a write for a unit outside the scope is refused whole, through the API and through the page's service path.</summary>
public class ScopeAndKeyTests : AccessHostTest
{
    public ScopeAndKeyTests()
    {
    }

    private protected ScopeAndKeyTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static readonly string[] NinhKieu = ["q-ninh-kieu", "p-an-binh", "p-an-cu", "p-an-hoa", "p-an-khanh", "p-an-nghiep", "p-an-phu", "p-cai-khe", "p-hung-loi", "p-tan-an", "p-thoi-binh", "p-xuan-khanh"];
    private const string BinhThuyWard = "p-bui-huu-nghia";

    [Fact]
    public async Task ScopedKey_FigureForWardOfAnotherDistrict_403ProblemAndNothingStored()
    {
        // Arrange
        var (_, secret) = await Host.CreateKeyAsync("ninh-kieu", NinhKieu);
        using var client = Host.WithKey(secret);
        var before = await Host.FigureCount();

        // Act: one good row for An Hòa and one for a Bình Thủy ward, in the same batch.
        using var response = await AccessHost.PostFigures(client, AccessHost.Rate("p-an-hoa"), AccessHost.Rate(BinhThuyWard));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Không được phép", problem.GetProperty("title").GetString());
        Assert.Equal([BinhThuyWard], problem.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.DoesNotContain("   at ", problem.ToString());
        Assert.Equal(before, await Host.FigureCount());
    }

    [Fact]
    public async Task ScopedKey_FigureForOwnWard_Accepted()
    {
        // Arrange
        var (_, secret) = await Host.CreateKeyAsync("ninh-kieu", NinhKieu);
        using var client = Host.WithKey(secret);

        // Act
        using var response = await AccessHost.PostFigures(client, AccessHost.Rate("p-an-hoa"), AccessHost.Rate("p-cai-khe"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await Host.FigureCount());
        Assert.Equal(2, await Host.ScalarAsync("SELECT count(*) FROM figures WHERE submitted_by = 'ninh-kieu'"));
    }

    [Fact]
    public async Task ScopedKey_RegistrationAndImportCommitForOtherUnit_403AndNothingChanged()
    {
        // Arrange
        var (_, secret) = await Host.CreateKeyAsync("ninh-kieu", NinhKieu);
        using var client = Host.WithKey(secret);
        var versionBefore = await Host.ScalarAsync("SELECT version FROM engine_state");
        var csv = "unit,asOf,indicator,numerator,denominator\np-an-hoa,2024-06-30,c,825,1000\n" + BinhThuyWard + ",2024-06-30,c,700,1000\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "so-lieu.csv" } };

        // Act
        using var registration = await client.PutAsJsonAsync($"api/v1/units/{BinhThuyWard}/registration", new { registeredOn = "2024-03-01" });
        using var import = await client.PostAsync("api/v1/imports?dryRun=false", form);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, registration.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(0, await Host.FigureCount());
        Assert.Equal(versionBefore, await Host.ScalarAsync("SELECT version FROM engine_state"));
    }

    [Fact]
    public async Task RevokedKey_Post_401AndNothingStored()
    {
        // Arrange
        var (id, secret) = await Host.CreateKeyAsync("tam-thoi");
        using var client = Host.WithKey(secret);
        using var accepted = await AccessHost.PostFigures(client, AccessHost.Rate("p-an-hoa"));
        Assert.True((await Host.Get<AccountService>().RevokeKeyAsync(id, new AccountActor("admin", null))).Done);

        // Act
        using var refused = await AccessHost.PostFigures(client, AccessHost.Rate("p-cai-khe"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(1, await Host.FigureCount());
        Assert.Equal(1, await Host.ScalarAsync("SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL AND last_used_at IS NOT NULL"));
    }

    [Fact]
    public async Task Keys_StoredOnlyAsHash()
    {
        // Arrange / Act
        var (_, secret) = await Host.CreateKeyAsync("bi-mat");

        // Assert
        Assert.Equal(0, await Host.ScalarAsync($"SELECT count(*) FROM api_keys WHERE key_hash = '{secret}' OR key_prefix = '{secret}'"));
        Assert.Equal(1, await Host.ScalarAsync($"SELECT count(*) FROM api_keys WHERE key_hash = '{ApiKeyStore.Hash(secret)}'"));
    }

    [Fact]
    public async Task EditorOfNinhKieu_PageServicePath_BinhThuyWardRefusedAndNothingStored()
    {
        // Arrange: the editor the admin page creates, signed in; the entry page writes with the user's scope.
        var accounts = Host.Get<AccountService>();
        var (editor, problem) = await accounts.CreateUserAsync("can-bo-ninh-kieu", "Cán bộ Ninh Kiều", Roles.Editor, UnitScope.Of(NinhKieu), "mat-khau-tam-thoi-1", new AccountActor("admin", null));
        Assert.Null(problem);
        var signIn = await accounts.SignInAsync("can-bo-ninh-kieu", "mat-khau-tam-thoi-1", "127.0.0.1");
        var writer = new WriteActor(signIn.User!.UserName, "127.0.0.1", signIn.User.WriteScope);
        var ingestion = Host.Get<FigureIngestion>();
        var before = await Host.FigureCount();

        // Act
        var refused = await Assert.ThrowsAsync<UnitScopeException>(() => ingestion.SubmitAsync(
            [new Figure(BinhThuyWard, "c", new DateOnly(2024, 6, 30), 825, 1000)], "form", writer));
        var accepted = await ingestion.SubmitAsync([new Figure("p-an-hoa", "c", new DateOnly(2024, 6, 30), 825, 1000)], "form", writer);

        // Assert
        Assert.Equal(SignInStatus.Success, signIn.Status);
        Assert.Equal([BinhThuyWard], refused.Units);
        Assert.True(accepted.IsAccepted);
        Assert.Equal(before + 1, await Host.FigureCount());
        Assert.False(editor!.WriteScope.Allows(BinhThuyWard));
    }

    [Fact]
    public async Task DataEntryPage_Anonymous_RedirectsToSignIn()
    {
        // Arrange
        using var client = Host.Anonymous();

        // Act
        using var response = await client.GetAsync("nhap-lieu");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.OriginalString.Replace(Host.BaseAddress.ToString(), "/"));
    }
}

/// <summary>Every test of <see cref="ScopeAndKeyTests"/>, on PostgreSQL.</summary>
public sealed class ScopeAndKeyOnPostgresTests(PostgresTestDatabase postgres) : ScopeAndKeyTests(postgres), IClassFixture<PostgresTestDatabase>;
