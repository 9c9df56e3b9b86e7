using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// Base of the tests that talk to the real app over HTTP: a fresh database file per test, the app
/// started on it, and both cleaned up afterwards. <see cref="RestartAsync"/> reopens the same file.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    protected ApiTest()
        : this(null)
    {
    }

    /// <summary>The same tests on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    private protected ApiTest(PostgresTestDatabase? postgres) => Storage = TestStorage.For(ApiHost.NewDatabaseFile(), postgres);

    protected string DatabaseFile => Storage.File;

    private protected TestStorage Storage { get; }

    protected ApiHost Api { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Api = new ApiHost(Storage);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Storage.Delete();
    }

    /// <summary>Stops the app and starts a new one on the same database file, with extra settings when given.</summary>
    protected async Task RestartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        await Api.DisposeAsync();
        Api = new ApiHost(Storage, settings);
    }
}
