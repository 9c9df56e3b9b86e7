using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>
/// The real app on a real Kestrel socket on 127.0.0.1, with the root appsettings.json plus the
/// given overrides and a temp folder for the database.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly TimeProvider? _time;
    private bool _started;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "thidua-tests-" + Guid.NewGuid().ToString("N"));

    /// <param name="environment">Development by default; Production to test what operators run.</param>
    /// <param name="time">A clock for the app (e.g. a FakeTimeProvider); the system's when null.</param>
    public DashboardHost(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", TimeProvider? time = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _environment = environment;
        _time = time;
        Directory.CreateDirectory(_dataFolder);
    }

    /// <summary>Starts the server and returns its base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        _started = true;
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Package assets (_content/MudBlazor) come from the build output only in Development.
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>(_settings)
        {
            ["ConnectionStrings:ThiDua"] = _settings.TryGetValue("ConnectionStrings:ThiDua", out var cs) ? cs : $"Data Source={Path.Combine(_dataFolder, "thidua.db")}",
        }));
        // Registered after the app's own (TryAdd) TimeProvider, so this one is resolved everywhere.
        if (_time is { } time) builder.ConfigureTestServices(services => services.AddSingleton(time));
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (ArgumentNullException) when (!_started)
        {
            // A host that failed to start (the point of the start-up tests) has no hosted services
            // list, and Host.StopAsync trips over it; there is nothing running to stop.
        }
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
