namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>Tests that each get their own app (<see cref="AccessHost"/>) on a fresh database file, deleted afterwards.</summary>
public abstract class AccessHostTest : IAsyncLifetime
{
    private protected string DatabaseFile { get; } = AccessHost.NewDatabaseFile();

    private protected AccessHost Host { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Host = new AccessHost(DatabaseFile);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        AccessHost.DeleteDatabase(DatabaseFile);
    }
}
