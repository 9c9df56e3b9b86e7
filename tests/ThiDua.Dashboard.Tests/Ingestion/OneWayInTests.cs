using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Import;
using ThiDua.Dashboard.Registrations;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Audit;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Ingestion;

/// <summary>
/// One way in: imports and registrations hand the writer to ingestion, which checks the scope once
/// and commits the audit entries with the write, so no caller checks or audits on its own.
/// </summary>
public class OneWayInTests : AccessHostTest
{
    public OneWayInTests()
    {
    }

    private protected OneWayInTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private const string Csv = "unit,asOf,indicator,numerator,denominator\np-an-hoa,2024-06-30,c,825,1000\np-bui-huu-nghia,2024-06-30,c,700,1000\n";

    private static MultipartFormDataContent Form(string csv) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "so-lieu.csv" } };

    [Fact]
    public async Task ImportCommit_WriterScopedToOneUnitWithARowForAnother_RefusedInsideWithTheApisMessage()
    {
        // Arrange: a writer given p-an-hoa only, as the data-entry page passes it.
        var writer = new WriteActor("nhap-an-hoa", "127.0.0.1", UnitScope.Of(["p-an-hoa"]));
        var (_, secret) = await Host.CreateKeyAsync("khoa-an-hoa", ["p-an-hoa"]);
        using var client = Host.WithKey(secret);

        // Act
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Csv));
        using var scope = Host.Services.CreateScope();
        var refused = await Assert.ThrowsAsync<UnitScopeException>(() =>
            scope.ServiceProvider.GetRequiredService<FigureImport>().CommitAsync(stream, "so-lieu.csv", writer));
        using var form = Form(Csv);
        using var response = await client.PostAsync("api/v1/imports?dryRun=false", form);

        // Assert
        Assert.Equal("Khóa hoặc tài khoản này chỉ được ghi số liệu cho các đơn vị được giao; không được ghi cho: p-bui-huu-nghia. Không dòng nào được lưu.",
            refused.Message);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(refused.Message, problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Host.FigureCount());
    }

    [Fact]
    public async Task ImportCommit_AuditEntriesWrittenWithTheFiguresInOneTransaction()
    {
        // Arrange
        using var client = Host.WithKey(AccessHost.ConfigKey);

        // Act
        using var form = Form(Csv);
        using var response = await client.PostAsync("api/v1/imports?dryRun=false", form);

        // Assert: the batch's entry and the file's entry, both at the batch's version, from the caller's address.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await Host.FigureCount());
        Assert.Equal(1, await Host.ScalarAsync($"SELECT count(*) FROM audit_log WHERE kind = '{AuditKinds.Import}' AND actor = 'may-cau-hinh' AND summary = 'Nhập tệp so-lieu.csv: 2 dòng, phiên bản 1'"));
        Assert.Equal(1, await Host.ScalarAsync($"SELECT count(*) FROM audit_log WHERE kind = '{AuditKinds.Figures}' AND summary LIKE '%phiên bản 1'"));
    }

    [Fact]
    public async Task ImportCommit_FileEntryFailsAfterTheFiguresAreInserted_NeitherFiguresNorBatchEntryKept()
    {
        // Arrange: only the file's entry fails, the last statement of the import's transaction.
        await FailingAudit.BreakAsync(Storage, AuditKinds.Import);
        using var client = Host.WithKey(AccessHost.ConfigKey);

        // Act
        using var form = Form(Csv);
        using var response = await client.PostAsync("api/v1/imports?dryRun=false", form);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await Host.FigureCount());
        Assert.Equal(0, await Host.ScalarAsync($"SELECT count(*) FROM audit_log WHERE kind = '{AuditKinds.Figures}'"));
        Assert.Equal(0, await Host.ScalarAsync("SELECT version FROM engine_state"));
    }

    [Fact]
    public async Task RegistrationSubmit_WriterScopedToAnotherUnit_RefusedInsideAndNothingStored()
    {
        // Arrange
        var writer = new WriteActor("nhap-an-hoa", "127.0.0.1", UnitScope.Of(["p-an-hoa"]));

        // Act
        var refused = await Assert.ThrowsAsync<UnitScopeException>(() =>
            Host.Get<RegistrationBook>().SubmitAsync("p-cai-khe", "12/UBND", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 2), writer));

        // Assert
        Assert.Equal(["p-cai-khe"], refused.Units);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM registrations"));
    }
}

/// <summary>Every test of <see cref="OneWayInTests"/>, on PostgreSQL.</summary>
public sealed class OneWayInOnPostgresTests(PostgresTestDatabase postgres) : OneWayInTests(postgres), IClassFixture<PostgresTestDatabase>;
