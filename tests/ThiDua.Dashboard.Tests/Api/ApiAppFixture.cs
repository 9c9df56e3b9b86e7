using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// One real app per test class for tests that only read or are refused (nothing is stored), in the
/// environment the subclass names, with a config key (<see cref="ApiHost.Writer"/>) and an admin key.
/// </summary>
public abstract class ApiAppFixture(string environment) : IAsyncLifetime
{
    private readonly string _databaseFile = ApiHost.NewDatabaseFile();

    public ApiHost Api { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = new ApiHost(_databaseFile, environment: environment);
        var (_, secret, problem) = await Api.Services.GetRequiredService<AccountService>()
            .CreateKeyAsync("quan-tri-kiem-thu", UnitScope.All, isAdmin: true, new AccountActor("admin", "127.0.0.1"));
        Assert.Null(problem);
        Admin = new HttpClient { BaseAddress = Api.BaseAddress };
        Admin.DefaultRequestHeaders.Add("X-Api-Key", secret);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Api.DisposeAsync();
        ApiHost.DeleteDatabase(_databaseFile);
    }
}

public sealed class DevelopmentApp() : ApiAppFixture("Development");

public sealed class ProductionApp() : ApiAppFixture("Production");
