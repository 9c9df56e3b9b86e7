using System.Net;
using System.Text.Json;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>A figure batch and its audit entry are one transaction: never figures without their entry.</summary>
public class AuditWithFiguresTests : ApiTest
{
    public AuditWithFiguresTests()
    {
    }

    private protected AuditWithFiguresTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }


    private static readonly object[] Batch = [new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = 82, denominator = 100 }];

    [Fact]
    public async Task PostFigures_AuditEntryCannotBeWritten_StoresNothingAndAnswersProblem()
    {
        await FailingAudit.BreakAsync(Storage);

        var refused = await Api.PostFigures(Batch);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("at ThiDua", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await Api.FigureCount());

        await FailingAudit.RepairAsync(Storage);
        var accepted = await Api.PostFigures(Batch);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt64());
        Assert.Equal("1 số liệu, nguồn api, phiên bản 1", await Storage.ScalarAsync<string>("SELECT summary FROM audit_log WHERE kind = 'figures.batch'"));
    }
}

/// <summary>Every test of <see cref="AuditWithFiguresTests"/>, on PostgreSQL.</summary>
public sealed class AuditWithFiguresOnPostgresTests(PostgresTestDatabase postgres) : AuditWithFiguresTests(postgres), IClassFixture<PostgresTestDatabase>;
