using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>Issue 16's written defaults, read from the shipped appsettings.json with nothing on top: other tools rely on them.</summary>
public sealed class ClusterDefaultsTests
{
    [Fact]
    public void ShippedSettings_NothingSet_SqliteAndACatchUpEveryTwoSeconds()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System);
        services.AddCampaignRules(configuration);
        services.AddThiDuaStorage();
        services.AddThiDuaLive(configuration);

        // Act
        using var provider = services.BuildServiceProvider();

        // Assert
        Assert.Equal(StorageOptions.Sqlite, provider.GetRequiredService<IOptions<StorageOptions>>().Value.Canonical);
        Assert.Equal(2, provider.GetRequiredService<IOptions<ClusterOptions>>().Value.CatchUpSeconds);
    }
}
