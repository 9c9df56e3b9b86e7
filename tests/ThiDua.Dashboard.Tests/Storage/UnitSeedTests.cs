using System.Text;
using System.Text.RegularExpressions;
using ThiDua.Dashboard.Storage;

using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Storage;

public partial class UnitSeedTests : IDisposable
{
    private static readonly DateOnly _mergerEve = new(2024, 10, 31);

    private readonly TempDatabase _temp;

    public UnitSeedTests()
        : this(new TempDatabase())
    {
    }

    /// <summary>The same tests on another provider's database (see the PostgreSQL subclass below).</summary>
    private protected UnitSeedTests(TempDatabase temp) => _temp = temp;

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ReadableAsciiCode();

    [Fact]
    public void CanTho2024_Blocks_MatchTheDomainCounts()
    {
        // Act
        var units = UnitSeed.Load(UnitSeed.CanTho2024).Units;

        // Assert: domain.md — 19 departments, 9 districts, 42 wards, 41 communes and towns (36 + 5).
        Assert.Equal(19, units.Count(u => u.Block == "so-nganh"));
        Assert.Equal(9, units.Count(u => u.Block == "quan-huyen"));
        Assert.Equal(42, units.Count(u => u.Block == "phuong"));
        Assert.Equal(41, units.Count(u => u.Block == "xa"));
        Assert.Equal(36, units.Count(u => u.Block == "xa" && u.Code.StartsWith("x-", StringComparison.Ordinal)));
        Assert.Equal(5, units.Count(u => u.Block == "xa" && u.Code.StartsWith("tt-", StringComparison.Ordinal)));
        Assert.Equal(111, units.Count);
    }

    [Fact]
    public void CanTho2024_Codes_AreUniqueReadableAscii()
    {
        // Act
        var units = UnitSeed.Load(UnitSeed.CanTho2024).Units;

        // Assert
        Assert.Equal(units.Count, units.Select(u => u.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(units, u => Assert.Matches(ReadableAsciiCode(), u.Code));
        Assert.Contains(units, u => u.Code == "x-thanh-an" && u.Name == "Xã Thạnh An");
        Assert.Contains(units, u => u.Code == "tt-thanh-an" && u.Name == "Thị trấn Thạnh An");
        Assert.Contains(units, u => u.Code == "p-thot-not" && u.Name == "Phường Thốt Nốt");
        Assert.Contains(units, u => u.Code == "q-thot-not" && u.Name == "Quận Thốt Nốt");
    }

    [Fact]
    public void CanTho2024_Names_AreNormalizedVietnameseWithDistricts()
    {
        // Act
        var units = UnitSeed.Load(UnitSeed.CanTho2024).Units;

        // Assert: NFC, so a name typed on any keyboard compares equal to the stored one.
        Assert.All(units, u => Assert.True(u.Name.IsNormalized(NormalizationForm.FormC), u.Code));
        Assert.All(units.Where(u => u.Block == "so-nganh"), u => Assert.Null(u.District));
        Assert.All(units.Where(u => u.Block != "so-nganh"), u => Assert.False(string.IsNullOrEmpty(u.District), u.Code));
        Assert.All(units, u => Assert.Null(u.RegisteredOn));
        Assert.Contains(units, u => u is { Code: "ban-quan-ly-kcx-kcn", Name: "Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ" });
        Assert.Contains(units, u => u is { Code: "h-phong-dien", Name: "Huyện Phong Điền", District: "Phong Điền" });
        Assert.Contains(units, u => u is { Code: "p-an-hoa", Name: "Phường An Hòa", District: "Ninh Kiều" });
        Assert.Contains(units, u => u is { Code: "tt-phong-dien", Name: "Thị trấn Phong Điền", District: "Phong Điền" });
    }

    [Fact]
    public void CanTho2024_Merger_ClosesThreeWardsIntoThoiBinh()
    {
        // Act
        var units = UnitSeed.Load(UnitSeed.CanTho2024).Units;

        // Assert
        var merged = units.Where(u => u.MergedInto is not null).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(["p-an-cu", "p-an-nghiep", "p-an-phu"], merged.Select(u => u.Code));
        Assert.All(merged, u => Assert.Equal((_mergerEve, "p-thoi-binh"), (u.ActiveTo!.Value, u.MergedInto!)));
        Assert.All(units.Where(u => u.MergedInto is null), u => Assert.Null(u.ActiveTo));
        Assert.All(units, u => Assert.Null(u.ActiveFrom));
        Assert.Equal(39, units.Count(u => u.Block == "phuong" && u.IsActiveOn(new DateOnly(2024, 11, 1))));
    }

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_SeedsEveryUnitOnce()
    {
        // Act
        var result = await _temp.InitializeAsync();

        // Assert
        Assert.Equal(111, result.UnitsSeeded);
        Assert.Equal(0, result.Version);
        var stored = await _temp.Units.GetAllAsync();
        Assert.Equal(UnitSeed.Load(UnitSeed.CanTho2024).Units.OrderBy(u => u.Code, StringComparer.Ordinal), stored);
        Assert.Equal(1L, _temp.Scalar<long>("SELECT count(*) FROM meta WHERE key = 'units_seed';"));
    }

    [Fact]
    public async Task InitializeAsync_SecondStart_DoesNotSeedAgain()
    {
        // Arrange
        await _temp.InitializeAsync();
        _temp.Reopen();

        // Act
        var result = await _temp.InitializeAsync();

        // Assert
        Assert.Equal(0, result.UnitsSeeded);
        Assert.Equal(0, result.MigrationsApplied);
        Assert.Equal(111L, _temp.Scalar<long>("SELECT count(*) FROM units;"));
    }

    [Fact]
    public async Task InitializeAsync_AfterRename_KeepsTheRename()
    {
        // Arrange
        await _temp.InitializeAsync();
        await _temp.Units.RenameAsync("p-an-hoa", "Phường An Hoà (mới)", "form", "admin", TempDatabase.Now);
        _temp.Reopen();

        // Act
        await _temp.InitializeAsync();

        // Assert
        var unit = await _temp.Units.GetAsync("p-an-hoa");
        Assert.Equal("Phường An Hoà (mới)", unit!.Name);
    }

    [Fact]
    public async Task InitializeAsync_UnitsPresentWithoutSeedRecord_LeavesThemAlone()
    {
        // Arrange
        await _temp.Database.MigrateAsync();
        using (var connection = _temp.OpenRaw())
        {
            Dapper.SqlMapper.Execute(connection,
                "INSERT INTO units (campaign_id, code, name, block, created_at, updated_at) VALUES (1, 'mine', 'Đơn vị riêng', 'xa', 'x', 'x');");
        }

        // Act
        var result = await _temp.InitializeAsync();

        // Assert
        Assert.Equal(0, result.UnitsSeeded);
        Assert.Equal(["mine"], (await _temp.Units.GetAllAsync()).Select(u => u.Code));
    }
}

/// <summary>Every test of <see cref="UnitSeedTests"/>, on PostgreSQL.</summary>
public sealed class UnitSeedOnPostgresTests(PostgresTestDatabase postgres) : UnitSeedTests(new TempDatabase(postgres)), IClassFixture<PostgresTestDatabase>;
