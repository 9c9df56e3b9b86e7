using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>
/// Tests that each get their own app (<see cref="AccessHost"/>) on a fresh database, deleted afterwards: a SQLite
/// file, or — in a subclass given the class's <see cref="PostgresTestDatabase"/> — that PostgreSQL database emptied.
/// </summary>
public abstract class AccessHostTest : IAsyncLifetime
{
    private readonly PostgresTestDatabase? _postgres;

    protected AccessHostTest()
    {
    }

    /// <summary>The same tests on PostgreSQL.</summary>
    private protected AccessHostTest(PostgresTestDatabase postgres) => _postgres = postgres;

    private protected string DatabaseFile => Storage.File;

    private protected TestStorage Storage { get; private set; } = default!;

    private protected AccessHost Host { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Storage = TestStorage.For(AccessHost.NewDatabaseFile(), _postgres);
        Host = new AccessHost(Storage);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Storage.Delete();
    }
}
