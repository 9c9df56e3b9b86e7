using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>
/// Every settings section is checked when the app starts: a bad value stops start-up with the full
/// key at fault, instead of being clamped silently or failing at first use.
/// </summary>
public sealed class OptionsStartupTests
{
    /// <summary>One bad value per options class: (setting, value, the key the failure must start with, words it must hold).</summary>
    public static TheoryData<string, string, string, string> BadValues => new()
    {
        // IngestOptions and ApiKeyOptions
        { "ThiDua:Ingest:MaxBatchItems", "0", "ThiDua:Ingest:MaxBatchItems: ", "phải từ 1" },
        { "ThiDua:Ingest:ApiKeys:0:Key", "mot-khoa-khong-ten", "ThiDua:Ingest:ApiKeys:0:Name: ", "không được để trống" },
        // LiveOptions
        { "ThiDua:Live:CoalesceMilliseconds", "-5", "ThiDua:Live:CoalesceMilliseconds: ", "phải từ 0 đến 60.000" },
        // ClusterOptions
        { "ThiDua:Cluster:CatchUpSeconds", "0", "ThiDua:Cluster:CatchUpSeconds: ", "phải từ 1 đến 60" },
        { "ThiDua:Cluster:CatchUpSeconds", "61", "ThiDua:Cluster:CatchUpSeconds: ", "phải từ 1 đến 60" },
        // DisplayOptions
        { "ThiDua:Display:StaleAfterDays", "-1", "ThiDua:Display:StaleAfterDays: ", "phải từ 0" },
        // AccessOptions
        { "ThiDua:Access:RevalidateSeconds", "0", "ThiDua:Access:RevalidateSeconds: ", "phải từ 1" },
        // AdminOptions
        { "ThiDua:Admin:InitialPassword", "ngan", "ThiDua:Admin:InitialPassword: ", "ít nhất 10 ký tự" },
        // RateLimitOptions
        { "ThiDua:RateLimit:WindowSeconds", "0", "ThiDua:RateLimit:WindowSeconds: ", "phải từ 1" },
        // DossierOptions
        { "ThiDua:Dossier:Issuer", "  ", "ThiDua:Dossier:Issuer: ", "không được để trống" },
        // StorageOptions
        { "ThiDua:Storage:Provider", "mysql", "ThiDua:Storage:Provider: ", "không biết 'mysql'" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Startup_BadSetting_FailsNamingTheKey(string setting, string value, string key, string words)
    {
        // Arrange
        await using var host = new DashboardHost(new Dictionary<string, string?> { [setting] = value });

        // Act
        var error = Record.Exception(() => host.Start());

        // Assert
        var validation = Assert.IsType<OptionsValidationException>(error);
        var failure = Assert.Single(validation.Failures);
        Assert.StartsWith(key, failure, StringComparison.Ordinal);
        Assert.Contains(words, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_DemoIntervalOutOfRange_FailsNamingTheKey()
    {
        // Arrange: the demo's options exist only when the demo is on, which is decided before the app is built (see DemoHost).
        await using var host = new Demo.DemoHost(new Dictionary<string, string?>
        {
            ["ThiDua:Demo:Enabled"] = "true",
            ["ThiDua:Demo:IntervalSeconds"] = "0",
            ["ConnectionStrings:ThiDua"] = $"Data Source={Path.Combine(Path.GetTempPath(), "thidua-demo-options-" + Guid.NewGuid().ToString("N"), "thidua.db")}",
        });

        // Act
        var error = Record.Exception(() => host.Start());

        // Assert
        var failure = Assert.Single(Assert.IsType<OptionsValidationException>(error).Failures);
        Assert.StartsWith("ThiDua:Demo:IntervalSeconds: ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_TwoApiKeysWithOneSecret_FailsNamingTheSecondKey()
    {
        // Arrange
        await using var host = new DashboardHost(new Dictionary<string, string?>
        {
            ["ThiDua:Ingest:ApiKeys:0:Name"] = "may-mot",
            ["ThiDua:Ingest:ApiKeys:0:Key"] = "chung-mot-chuoi-bi-mat",
            ["ThiDua:Ingest:ApiKeys:1:Name"] = "may-hai",
            ["ThiDua:Ingest:ApiKeys:1:Key"] = "chung-mot-chuoi-bi-mat",
        });

        // Act
        var error = Record.Exception(() => host.Start());

        // Assert
        var failure = Assert.Single(Assert.IsType<OptionsValidationException>(error).Failures);
        Assert.StartsWith("ThiDua:Ingest:ApiKeys:1:Key: ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_EdgeValuesTheDocsAllow_Starts()
    {
        // Arrange: 0 turns coalescing and the stale mark off, an empty admin name means "admin",
        // empty Place and signer name are blanks to fill in by hand.
        await using var host = new DashboardHost(new Dictionary<string, string?>
        {
            ["ThiDua:Live:CoalesceMilliseconds"] = "0",
            ["ThiDua:Cluster:CatchUpSeconds"] = "60",
            ["ThiDua:Display:StaleAfterDays"] = "0",
            ["ThiDua:Access:RevalidateSeconds"] = "1",
            ["ThiDua:Access:LockoutMinutes"] = "0",
            ["ThiDua:Admin:UserName"] = "",
            ["ThiDua:Admin:InitialPassword"] = "",
            ["ThiDua:RateLimit:PermitLimit"] = "1",
            ["ThiDua:Dossier:Place"] = "",
            ["ThiDua:Dossier:SignerName"] = "",
        });

        // Act
        var error = Record.Exception(() => host.Start());

        // Assert
        Assert.Null(error);
    }
}
