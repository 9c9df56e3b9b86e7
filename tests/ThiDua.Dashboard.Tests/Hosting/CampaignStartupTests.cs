using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Tests.Hosting;

public sealed class CampaignStartupTests
{
    [Fact]
    public async Task CampaignRules_RootSettingsFile_BindsListsEnumsDatesAndNullDecimals()
    {
        // Arrange
        await using var host = new DashboardHost();
        host.Start();

        // Act
        var rules = host.Services.GetRequiredService<IOptions<CampaignRules>>().Value;

        // Assert
        Assert.StartsWith("Thực hiện công tác kiểm soát thủ tục hành chính", rules.Name);
        Assert.Equal(new DateOnly(2023, 12, 15), rules.PeriodStart);
        Assert.Equal(new DateOnly(2024, 12, 14), rules.PeriodEnd);
        Assert.Equal(new DateOnly(2024, 4, 15), rules.RegistrationDeadline);
        Assert.Equal(["so-nganh", "quan-huyen", "phuong", "xa"], rules.Blocks.Select(b => b.Code));
        Assert.Single(rules.Blocks[0].CommitteeSlots);
        Assert.Empty(rules.Blocks[1].CommitteeSlots);
        Assert.Equal(9, rules.Groups.Count);
        Assert.Equal(9, rules.Indicators.Count);
        Assert.Empty(rules.TieBreakers);

        var aboveTwoThousand = rules.Groups.Single(g => g is { Block: "xa", Code: "tren-2000" });
        Assert.Equal(2000, aboveTwoThousand.MinDossiers);
        Assert.False(aboveTwoThousand.MinInclusive);
        Assert.Null(aboveTwoThousand.MaxDossiers);

        var first = rules.Indicators[0];
        Assert.Equal(NothingArosePolicy.Exclude, first.WhenNothingArose);
        Assert.Equal(0.5m, first.FullCreditAt);
        Assert.Equal(12m, first.MaxPoints);
        Assert.Null(first.Nq02MinRate);
        Assert.Equal(["so-nganh", "quan-huyen", "phuong", "xa"], first.AppliesTo);
        Assert.Equal(["so-nganh", "quan-huyen", "phuong", "xa"], rules.Indicators.Single(i => i.Code == "e").AppliesTo);
    }

    [Fact]
    public async Task CampaignRules_OverriddenSetting_WinsOverSettingsFile()
    {
        // Arrange
        await using var host = new DashboardHost(new Dictionary<string, string?>
        {
            ["ThiDua:Campaign:Indicators:0:Nq02MinRate"] = "0.9",
            ["ThiDua:Campaign:Indicators:0:WhenNothingArose"] = "Full",
        });
        host.Start();

        // Act
        var first = host.Services.GetRequiredService<IOptions<CampaignRules>>().Value.Indicators[0];

        // Assert
        Assert.Equal(0.9m, first.Nq02MinRate);
        Assert.Equal(NothingArosePolicy.Full, first.WhenNothingArose);
    }

    [Fact]
    public async Task Startup_FullCreditAbove100Percent_FailsNamingTheKey()
    {
        // Arrange
        await using var host = new DashboardHost(new Dictionary<string, string?>
        {
            ["ThiDua:Campaign:Indicators:0:FullCreditAt"] = "2",
        });

        // Act
        var error = Record.Exception(() => host.Start());

        // Assert
        var validation = Assert.IsType<OptionsValidationException>(error);
        var failure = Assert.Single(validation.Failures);
        Assert.StartsWith("ThiDua:Campaign:Indicators:0:FullCreditAt: ", failure);
        Assert.Contains("không quá 1", failure);
    }

    [Fact]
    public async Task Startup_SeveralErrors_ListsEveryKey()
    {
        // Arrange
        await using var host = new DashboardHost(new Dictionary<string, string?>
        {
            ["ThiDua:Campaign:Name"] = "",
            ["ThiDua:Campaign:Groups:0:Block"] = "khong-co",
        });

        // Act
        var error = Record.Exception(() => host.Start());

        // Assert
        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(validation.Failures, f => f.StartsWith("ThiDua:Campaign:Name: ", StringComparison.Ordinal));
        Assert.Contains(validation.Failures, f => f.StartsWith("ThiDua:Campaign:Groups:0:Block: ", StringComparison.Ordinal));
        Assert.Contains("ThiDua:Campaign:Name", validation.Message);
    }

    [Fact]
    public async Task CampaignWarnings_CommuneBlockHole_KeptForAdminPage()
    {
        // Arrange
        await using var host = new DashboardHost();
        host.Start();

        // Act
        var warnings = host.Services.GetRequiredService<CampaignWarnings>().Items;

        // Assert: the plan's "trên 2.000" and "dưới 2.000" leave exactly 2.000 dossiers in no commune group.
        var hole = Assert.Single(warnings, w => w.Code == "dossier-hole" && w.Message.Contains("xa: 2000", StringComparison.Ordinal));
        Assert.StartsWith("ThiDua:Campaign:", hole.Key);
    }
}
