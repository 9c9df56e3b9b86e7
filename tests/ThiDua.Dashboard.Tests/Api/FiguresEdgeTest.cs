using System.Text;
using ThiDua.Dashboard.Tests.Accounts;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// Base of the tests of the API's edges: each test starts its own app (with the settings it needs,
/// and its log kept) on a fresh database file, deleted afterwards.
/// </summary>
public abstract class FiguresEdgeTest : IAsyncDisposable
{
    private readonly string _file = AccessHost.NewDatabaseFile();
    private readonly List<HttpClient> _clients = [];
    private AccessHost? _host;

    private protected AccessHost Host => _host ??= new AccessHost(_file);

    /// <summary>Starts the app with these settings on top of the shipped ones; call before anything else.</summary>
    private protected void Start(IReadOnlyDictionary<string, string?> settings) => _host = new AccessHost(_file, settings);

    /// <summary>A client sending the key from the settings.</summary>
    private protected HttpClient Writer() => Keep(Host.WithKey(AccessHost.ConfigKey));

    /// <summary>A client sending an admin key, for what only an admin may write (a registration date).</summary>
    private protected async Task<HttpClient> AdminAsync() => Keep(Host.WithKey((await Host.CreateKeyAsync("quan-tri-may", admin: true)).Secret));

    private protected HttpClient Reader() => Keep(Host.Anonymous());

    private protected Task<HttpResponseMessage> PostRaw(string json) =>
        Writer().PostAsync("api/v1/figures", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Nothing of the request was stored: no figure, and the version has not moved.</summary>
    private protected async Task AssertNothingStored()
    {
        Assert.Equal(0, await Host.FigureCount());
        Assert.Equal(0, await ProblemAssert.Version(Reader()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        AccessHost.DeleteDatabase(_file);
        GC.SuppressFinalize(this);
    }

    private HttpClient Keep(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
