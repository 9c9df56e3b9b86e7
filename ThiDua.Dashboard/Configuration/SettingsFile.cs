using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ThiDua.Dashboard.Configuration;

/// <summary>
/// Makes the repository's root <c>appsettings.json</c> the one settings file. The project links it
/// into the build and publish output, so it is read from <see cref="AppContext.BaseDirectory"/>:
/// the default sources look in the content root, which is the project folder under
/// <c>dotnet run</c> (where there is no copy) and whatever the current folder is for a published app.
/// </summary>
public static class SettingsFile
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Replaces the default <c>appsettings*.json</c> sources with the linked root file and puts
    /// environment variables and the command line back on top, so that
    /// <c>ConnectionStrings__ThiDua=...</c> or <c>--ThiDua:Campaign:Name=...</c> still win.
    /// </summary>
    public static IConfigurationBuilder UseRootSettingsFile(this IConfigurationBuilder configuration, string[] args, string? directory = null)
    {
        directory ??= AppContext.BaseDirectory;
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"Không tìm thấy tệp cấu hình {path}. Tệp appsettings.json ở thư mục gốc của kho mã được chép vào đây khi build hoặc publish.",
                path);

        for (var i = configuration.Sources.Count - 1; i >= 0; i--)
        {
            // Only the unprefixed environment source moves; ASPNETCORE_/DOTNET_ ones stay where the host put them.
            var isDefault = configuration.Sources[i] switch
            {
                JsonConfigurationSource { Path: { } file } => file.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase),
                EnvironmentVariablesConfigurationSource { Prefix: null or "" } => true,
                CommandLineConfigurationSource => true,
                _ => false,
            };
            if (isDefault)
                configuration.Sources.RemoveAt(i);
        }

        // No reload on change: the engine is built from these rules once, at start-up.
        configuration.AddJsonFile(new PhysicalFileProvider(directory), FileName, optional: false, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        return configuration;
    }
}
