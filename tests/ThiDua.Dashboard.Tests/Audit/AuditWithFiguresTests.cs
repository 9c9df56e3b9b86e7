using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ThiDua.Dashboard.Tests.Api;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>A figure batch and its audit entry are one transaction: never figures without their entry.</summary>
public sealed class AuditWithFiguresTests : ApiTest
{

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static readonly object[] Batch = [new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = 82, denominator = 100 }];

    [Fact]
    public async Task PostFigures_AuditEntryCannotBeWritten_StoresNothingAndAnswersProblem()
    {
        await ExecuteAsync("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;");

        var refused = await Api.PostFigures(Batch);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("at ThiDua", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await Api.FigureCount());

        await ExecuteAsync("DROP TRIGGER audit_fails;");
        var accepted = await Api.PostFigures(Batch);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt64());
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary FROM audit_log WHERE kind = 'figures.batch'";
        Assert.Equal("1 số liệu, nguồn api, phiên bản 1", (string)(await command.ExecuteScalarAsync())!);
    }
}
