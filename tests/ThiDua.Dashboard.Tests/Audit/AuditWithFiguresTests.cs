using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ThiDua.Dashboard.Tests.Api;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>A figure batch and its audit entry are one transaction: never figures without their entry.</summary>
public sealed class AuditWithFiguresTests : IAsyncLifetime
{
    private readonly string _file = ApiHost.NewDatabaseFile();
    private ApiHost _api = null!;

    public Task InitializeAsync()
    {
        _api = new ApiHost(_file);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        ApiHost.DeleteDatabase(_file);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_file}");
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

        var refused = await _api.PostFigures(Batch);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("at ThiDua", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await _api.FigureCount());

        await ExecuteAsync("DROP TRIGGER audit_fails;");
        var accepted = await _api.PostFigures(Batch);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt64());
        await using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary FROM audit_log WHERE kind = 'figures.batch'";
        Assert.Equal("1 số liệu, nguồn api, phiên bản 1", (string)(await command.ExecuteScalarAsync())!);
    }
}
