using System.Net;
using Microsoft.Data.Sqlite;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// An exception nobody foresaw, under /api: a 500 problem+json with a trace id and no stack trace, in
/// Production as in Development (never the HTML error page).
/// </summary>
public sealed class UnhandledErrorTests : IAsyncLifetime
{
    private readonly string _databaseFile = ApiHost.NewDatabaseFile();
    private ApiHost? _api;

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task ApiRead_DatabaseTableGone_Returns500ProblemWithTraceId(string environment)
    {
        // Arrange: the figures table disappears under the running app, so reading a unit's figures throws SqliteException.
        _api = new ApiHost(_databaseFile, environment: environment);
        await using (var connection = new SqliteConnection($"Data Source={_databaseFile};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE figures;";
            await command.ExecuteNonQueryAsync();
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/units/p-an-hoa/figures");
        request.Headers.Accept.ParseAdd("text/html");

        // Act
        using var response = await _api.Client.SendAsync(request);

        // Assert
        var problem = await ApiEdgeTests.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("Lỗi máy chủ", problem.GetProperty("title").GetString());
        Assert.Contains("traceId", problem.GetProperty("detail").GetString());
        Assert.StartsWith("00-", problem.GetProperty("traceId").GetString());
        Assert.DoesNotContain("no such table", problem.ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        ApiHost.DeleteDatabase(_databaseFile);
    }
}
