using System.Runtime.CompilerServices;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>
/// The tests start hundreds of app hosts, a few dozen at a time. Each host watches its appsettings files for
/// changes, and on Linux each watcher is an inotify instance, of which a user may hold only 128 by default: a
/// full run came close enough to fail at random. No test changes a settings file while a host runs, so the
/// hosts of this test assembly read their settings once and poll rather than hold inotify instances.
/// </summary>
internal static class NoConfigWatchers
{
    [ModuleInitializer]
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
