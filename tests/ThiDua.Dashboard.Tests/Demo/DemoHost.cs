using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ThiDua.Dashboard.Tests.Demo;

/// <summary>
/// The real app on 127.0.0.1:0 whose settings are host settings: the factory hands them to
/// <c>Program</c> as command-line arguments, so they are already there when services are
/// registered — where the demo feed is added only if it is enabled. (Settings added through
/// <c>ConfigureAppConfiguration</c> only arrive once the app is built.)
/// </summary>
internal sealed class DemoHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public Uri Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
