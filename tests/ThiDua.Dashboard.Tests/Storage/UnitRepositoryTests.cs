using System.Data.Common;
using ThiDua.Scoring.Units;

using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Storage;

public class UnitRepositoryTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase _temp;

    public UnitRepositoryTests()
        : this(new TempDatabase())
    {
    }

    /// <summary>The same tests on another provider's database (see the PostgreSQL subclass below).</summary>
    private protected UnitRepositoryTests(TempDatabase temp) => _temp = temp;

    public Task InitializeAsync() => _temp.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GetAllAsync_Seeded_SortedByCode()
    {
        // Act
        var units = await _temp.Units.GetAllAsync();

        // Assert
        Assert.Equal(units.Select(u => u.Code).Order(StringComparer.Ordinal), units.Select(u => u.Code));
    }

    [Fact]
    public async Task GetAsync_MergedWard_MapsEveryColumn()
    {
        // Act
        var unit = await _temp.Units.GetAsync("p-an-cu");

        // Assert
        Assert.Equal(
            new UnitInfo("p-an-cu", "Phường An Cư", "phuong", "Ninh Kiều", null, new DateOnly(2024, 10, 31), "p-thoi-binh", null),
            unit);
        Assert.Null(await _temp.Units.GetAsync("khong-ton-tai"));
    }

    [Fact]
    public async Task SetRegistrationDateAsync_KnownUnit_StoresDateAndRaisesVersion()
    {
        // Arrange
        var date = new DateOnly(2024, 4, 10);

        // Act
        var update = await _temp.Units.SetRegistrationDateAsync("p-an-hoa", date, "form", "admin", TempDatabase.Now);

        // Assert
        Assert.Equal((date, 1L, true), (update!.Unit.RegisteredOn, update.Version, update.Changed));
        Assert.Equal(date, (await _temp.Units.GetAsync("p-an-hoa"))!.RegisteredOn);
        Assert.Equal("unit p-an-hoa: registered_on - -> 2024-04-10", _temp.Scalar<string>("SELECT reason FROM batches;"));
        Assert.Equal(1, await _temp.Figures.CurrentVersionAsync());
    }

    [Fact]
    public async Task SetRegistrationDateAsync_SameDateTwice_RaisesVersionOnce()
    {
        // Arrange
        var date = new DateOnly(2024, 4, 10);
        await _temp.Units.SetRegistrationDateAsync("p-an-hoa", date, "form", "admin", TempDatabase.Now);

        // Act
        var again = await _temp.Units.SetRegistrationDateAsync("p-an-hoa", date, "form", "admin", TempDatabase.Now);

        // Assert
        Assert.Equal((1L, false), (again!.Version, again.Changed));
        Assert.Equal(1, await _temp.Figures.CurrentVersionAsync());
    }

    [Fact]
    public async Task SetRegistrationDateAsync_UnknownUnit_ReturnsNullAndKeepsVersion()
    {
        // Act
        var update = await _temp.Units.SetRegistrationDateAsync("khong-ton-tai", new DateOnly(2024, 4, 1), "form", "admin", TempDatabase.Now);

        // Assert
        Assert.Null(update);
        Assert.Equal(0, await _temp.Figures.CurrentVersionAsync());
    }

    [Fact]
    public async Task SetActiveRangeAsync_UnknownMergeTarget_ChangesNothing()
    {
        // Act
        var act = () => _temp.Units.SetActiveRangeAsync("p-an-binh", null, new DateOnly(2024, 10, 31), "p-khong-co", "form", "admin", TempDatabase.Now);

        // Assert
        TempDatabase.AssertRefused(await Assert.ThrowsAnyAsync<DbException>(act));
        var unit = await _temp.Units.GetAsync("p-an-binh");
        Assert.Equal((null, null), (unit!.ActiveTo, unit.MergedInto));
        Assert.Equal(0, await _temp.Figures.CurrentVersionAsync());
    }

    [Fact]
    public async Task SetActiveRangeAsync_ValidMerger_StoresRangeAndRaisesVersion()
    {
        // Act
        var update = await _temp.Units.SetActiveRangeAsync(
            "p-an-binh", new DateOnly(2023, 12, 15), new DateOnly(2024, 10, 31), "p-thoi-binh", "form", "admin", TempDatabase.Now);

        // Assert
        var stored = await _temp.Units.GetAsync("p-an-binh");
        Assert.Equal(update!.Unit, stored);
        Assert.Equal((new DateOnly(2023, 12, 15), new DateOnly(2024, 10, 31), "p-thoi-binh"), (stored!.ActiveFrom, stored.ActiveTo, stored.MergedInto));
        Assert.Equal(1, update.Version);
    }

    [Fact]
    public async Task RenameAsync_NewName_StoresItAndRaisesVersion()
    {
        // Act
        var decomposed = "  Sở Y tế thành phố  ".Normalize(System.Text.NormalizationForm.FormD);
        var update = await _temp.Units.RenameAsync("so-y-te", decomposed, "form", "admin", TempDatabase.Now);

        // Assert
        Assert.Equal("Sở Y tế thành phố", (await _temp.Units.GetAsync("so-y-te"))!.Name);
        Assert.Equal(1, update!.Version);
    }
}

/// <summary>Every test of <see cref="UnitRepositoryTests"/>, on PostgreSQL.</summary>
public sealed class UnitRepositoryOnPostgresTests(PostgresTestDatabase postgres) : UnitRepositoryTests(new TempDatabase(postgres)), IClassFixture<PostgresTestDatabase>;
