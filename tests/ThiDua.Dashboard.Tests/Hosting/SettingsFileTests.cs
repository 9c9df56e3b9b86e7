using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Tests.Hosting;

public sealed class SettingsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void UseRootSettingsFile_DefaultSources_ReplacesAppsettingsAndKeepsCommandLineOnTop()
    {
        // Arrange
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "ThiDua": { "Campaign": { "Name": "Từ tệp", "TimeZone": "Asia/Ho_Chi_Minh" } } }""");
        File.WriteAllText(Path.Combine(_folder, "appsettings.Development.json"), """{ "ThiDua": { "Campaign": { "TimeZone": "bản sao thứ hai" } } }""");
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(_folder);
        configuration.AddJsonFile("appsettings.json", optional: true);
        configuration.AddJsonFile("appsettings.Development.json", optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([]);

        // Act
        configuration.UseRootSettingsFile(["--ThiDua:Campaign:Name=Từ dòng lệnh"], _folder);

        // Assert
        Assert.Equal("Từ dòng lệnh", configuration["ThiDua:Campaign:Name"]);
        Assert.Equal("Asia/Ho_Chi_Minh", configuration["ThiDua:Campaign:TimeZone"]);
        Assert.Equal(
            ["JsonConfigurationSource", "EnvironmentVariablesConfigurationSource", "CommandLineConfigurationSource"],
            configuration.Sources.Where(s => s is not MemoryConfigurationSource).Select(s => s.GetType().Name));
    }

    [Fact]
    public void UseRootSettingsFile_FileMissing_FailsNamingThePath()
    {
        // Arrange
        var configuration = new ConfigurationManager();

        // Act
        var error = Record.Exception(() => configuration.UseRootSettingsFile([], _folder));

        // Assert
        var missing = Assert.IsType<FileNotFoundException>(error);
        Assert.Equal(Path.Combine(_folder, "appsettings.json"), missing.FileName);
    }

    [Fact]
    public void UseRootSettingsFile_BuildOutput_HasTheLinkedRootFile()
    {
        // Arrange
        var linked = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var root = Path.Combine(RepositoryRoot(), "appsettings.json");

        // Act
        var same = File.ReadAllText(linked) == File.ReadAllText(root);

        // Assert
        Assert.True(same, $"{linked} differs from {root}");
    }

    /// <summary>The folder that holds ThiDua.sln, found upwards from the test output.</summary>
    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ThiDua.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("ThiDua.sln not found above " + AppContext.BaseDirectory);
    }
}
