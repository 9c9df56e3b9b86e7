using Dapper;
using System.Data.Common;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Figures;

using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Storage;

public class FigureRepositoryTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly _asOf = new(2024, 6, 30);
    private static readonly string[] _indicators = ["a", "b", "c", "d", "dd", "e", "g", "h", "i"];

    private readonly TempDatabase _temp;

    public FigureRepositoryTests()
        : this(new TempDatabase())
    {
    }

    /// <summary>The same tests on another provider's database (see the PostgreSQL subclass below).</summary>
    private protected FigureRepositoryTests(TempDatabase temp) => _temp = temp;

    public Task InitializeAsync() => _temp.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    private static Figure Ratio(string unit, string indicator, long numerator, long denominator) =>
        new(unit, indicator, _asOf, numerator, denominator);

    [Fact]
    public async Task AppendBatchAsync_ThreeBatches_RaiseVersionByOneEach()
    {
        // Arrange
        var figures = _temp.Figures;

        // Act
        var first = await figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 5, 10)], "api", "key-1", TempDatabase.Now);
        var second = await figures.AppendBatchAsync([Ratio("p-an-hoa", "b", 1, 2), Ratio("so-y-te", "c", 3, 4)], "form", "an", TempDatabase.Now);
        var third = await figures.AppendBatchAsync([new Figure("x-giai-xuan", Figure.Dossiers, _asOf, 1234, null)], "demo", "demo", TempDatabase.Now);

        // Assert
        Assert.Equal([1L, 2L, 3L], [first.Version, second.Version, third.Version]);
        Assert.Equal([1, 2, 1], [first.FigureCount, second.FigureCount, third.FigureCount]);
        Assert.Equal(3, await figures.CurrentVersionAsync());
        Assert.Equal(4, await figures.CountAsync());
    }

    [Fact]
    public async Task ReadAllAsync_StoredBatches_ReturnsFiguresInArrivalOrderWithProvenance()
    {
        // Arrange
        var receivedAt = new DateTimeOffset(2024, 7, 1, 14, 30, 15, 123, TimeSpan.FromHours(7)).AddTicks(4567);
        var first = await _temp.Figures.AppendBatchAsync(
            [Ratio("p-an-hoa", "a", 5, 10), new Figure("p-an-hoa", Figure.Dossiers, new DateOnly(2024, 2, 29), 2000, null)],
            "import-thang-6.xlsx", "Nguyễn Văn An", receivedAt);
        var second = await _temp.Figures.AppendBatchAsync([Ratio("so-y-te", "h", 0, 0)], "api", "key-2", TempDatabase.Now);

        // Act
        var all = await _temp.Figures.ReadAllAsync();

        // Assert
        Assert.Equal(
            [
                new StoredFigure(all[0].Id, first.BatchId, Ratio("p-an-hoa", "a", 5, 10), "import-thang-6.xlsx", "Nguyễn Văn An", receivedAt),
                new StoredFigure(all[1].Id, first.BatchId, new Figure("p-an-hoa", Figure.Dossiers, new DateOnly(2024, 2, 29), 2000, null), "import-thang-6.xlsx", "Nguyễn Văn An", receivedAt),
                new StoredFigure(all[2].Id, second.BatchId, Ratio("so-y-te", "h", 0, 0), "api", "key-2", TempDatabase.Now),
            ],
            all);
        Assert.True(all[0].Id < all[1].Id && all[1].Id < all[2].Id);
        Assert.Equal(TimeSpan.Zero, all[0].ReceivedAt.Offset);
    }

    [Fact]
    public async Task ReadSnapshotAsync_AfterChanges_ReturnsUnitsFiguresAndVersionTogether()
    {
        // Arrange
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 1, 2), Ratio("so-y-te", "a", 3, 4)], "api", "k", TempDatabase.Now);
        await _temp.Units.SetRegistrationDateAsync("so-y-te", new DateOnly(2024, 4, 1), "form", "admin", TempDatabase.Now);

        // Act
        var snapshot = await _temp.Figures.ReadSnapshotAsync();

        // Assert
        Assert.Equal(2, snapshot.Version);
        Assert.Equal(await _temp.Units.GetAllAsync(), snapshot.Units);
        Assert.Equal(await _temp.Figures.ReadAllAsync(), snapshot.Figures);
        Assert.Equal(new DateOnly(2024, 4, 1), snapshot.Units.Single(u => u.Code == "so-y-te").RegisteredOn);
    }

    [Fact]
    public async Task ReadForUnitAsync_SeveralBatches_ReturnsThatUnitNewestFirst()
    {
        // Arrange
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 1, 10), Ratio("so-y-te", "a", 1, 1)], "api", "k", TempDatabase.Now);
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 2, 10)], "api", "k", TempDatabase.Now);
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 3, 10)], "api", "k", TempDatabase.Now);

        // Act
        var all = await _temp.Figures.ReadForUnitAsync("p-an-hoa");
        var latestTwo = await _temp.Figures.ReadForUnitAsync("p-an-hoa", limit: 2);

        // Assert
        Assert.Equal([3L, 2L, 1L], all.Select(f => f.Figure.Numerator));
        Assert.Equal([3L, 2L], latestTwo.Select(f => f.Figure.Numerator));
    }

    [Fact]
    public async Task AppendBatchAsync_UnknownUnit_StoresNothingAndKeepsVersion()
    {
        // Arrange
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 1, 2)], "api", "k", TempDatabase.Now);
        Figure[] batch = [Ratio("p-an-hoa", "b", 1, 2), Ratio("khong-ton-tai", "a", 1, 2), Ratio("so-y-te", "a", 1, 2)];

        // Act
        var error = await Assert.ThrowsAnyAsync<DbException>(() => _temp.Figures.AppendBatchAsync(batch, "api", "k", TempDatabase.Now));

        // Assert
        TempDatabase.AssertRefused(error); // the foreign key
        Assert.Equal(1, await _temp.Figures.CurrentVersionAsync());
        Assert.Equal(1, await _temp.Figures.CountAsync());
        Assert.Equal(1L, _temp.Scalar<long>("SELECT count(*) FROM batches;"));
        var next = await _temp.Figures.AppendBatchAsync([Ratio("so-y-te", "a", 1, 2)], "api", "k", TempDatabase.Now);
        Assert.Equal(2, next.Version);
    }

    [Theory]
    [InlineData("UPDATE figures SET numerator = 99;")]
    [InlineData("DELETE FROM figures;")]
    [InlineData("UPDATE batches SET source = 'x';")]
    [InlineData("DELETE FROM batches;")]
    [InlineData("UPDATE engine_state SET version = 0;")]
    [InlineData("UPDATE engine_state SET version = version + 2;")]
    public async Task History_EditBypassingTheApp_IsRefusedByTheDatabase(string sql)
    {
        // Arrange
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 1, 2)], "api", "k", TempDatabase.Now);
        using var connection = _temp.OpenRaw();

        // Act
        var error = Assert.ThrowsAny<DbException>(() => connection.Execute(sql));

        // Assert
        TempDatabase.AssertRefused(error); // the append-only triggers
        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT numerator FROM figures;"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT version FROM engine_state;"));
    }

    [Theory]
    [InlineData("'2024-02-30'", "1", "2")] // not a calendar day
    [InlineData("'2024-6-30'", "1", "2")] // not ISO, would sort wrongly as text
    [InlineData("'2024-06-30'", "'many'", "2")] // STRICT: text in an INTEGER column
    [InlineData("'2024-06-30'", "-1", "2")]
    [InlineData("'2024-06-30'", "1", "NULL")] // a ratio content without its denominator
    public async Task Figures_MalformedRowBypassingTheApp_IsRefusedByTheDatabase(string asOf, string numerator, string denominator)
    {
        // Arrange
        var batch = await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 1, 2)], "api", "k", TempDatabase.Now);
        using var connection = _temp.OpenRaw();

        // Act
        var error = Assert.ThrowsAny<DbException>(() => connection.Execute(
            $"""
            INSERT INTO figures (batch_id, unit, indicator, as_of, numerator, denominator, source, submitted_by, received_at)
            VALUES ({batch.BatchId}, 'p-an-hoa', 'a', {asOf}, {numerator}, {denominator}, 'api', 'k', 'x');
            """));

        // Assert
        TempDatabase.AssertRefused(error);
        Assert.Equal(1L, connection.ExecuteScalar<long>("SELECT count(*) FROM figures;"));
    }

    [Fact]
    public async Task AppendBatchAsync_ClosedCampaign_RefusedByTheDatabase()
    {
        // Arrange: closed behind the app's back, so only the database's own rule stands in the way.
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 1, 2)], "api", "k", TempDatabase.Now);
        using (var connection = _temp.OpenRaw()) connection.Execute("UPDATE campaigns SET status = 'closed', is_default = 0 WHERE id = 1;");

        // Act
        var error = await Assert.ThrowsAnyAsync<DbException>(() => _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 2, 2)], "api", "k", TempDatabase.Now));

        // Assert
        TempDatabase.AssertRefused(error);
        Assert.Contains("campaign closed: read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _temp.Figures.CurrentVersionAsync());
    }

    [Fact]
    public async Task CurrentVersionAsync_AfterReopeningTheFile_ContinuesWhereItStopped()
    {
        // Arrange
        await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 1, 2)], "api", "k", TempDatabase.Now);
        await _temp.Figures.RecordVersionBumpAsync("unit edit", "form", "admin", TempDatabase.Now);
        _temp.Reopen();

        // Act
        var init = await _temp.InitializeAsync();
        var next = await _temp.Figures.AppendBatchAsync([Ratio("p-an-hoa", "a", 2, 2)], "api", "k", TempDatabase.Now);

        // Assert
        Assert.Equal(2, init.Version);
        Assert.Equal(3, next.Version);
    }

    [Fact]
    public async Task RecordVersionBumpAsync_NoFigures_RaisesVersionAndRecordsWhy()
    {
        // Act
        var bump = await _temp.Figures.RecordVersionBumpAsync("rules reloaded", "form", "admin", TempDatabase.Now);

        // Assert
        Assert.Equal((1L, 0), (bump.Version, bump.FigureCount));
        Assert.Equal("rules reloaded", _temp.Scalar<string>("SELECT reason FROM batches;"));
        Assert.Equal(0, await _temp.Figures.CountAsync());
    }

    [Fact]
    public async Task AppendBatchAsync_EmptyBatch_Throws()
    {
        // Act
        var act = () => _temp.Figures.AppendBatchAsync([], "api", "k", TempDatabase.Now);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(act);
        Assert.Equal(0, await _temp.Figures.CurrentVersionAsync());
    }

    [Fact]
    public async Task AppendBatchAsync_EightConcurrentWritersFiftyBatchesEach_LosesNothing()
    {
        // Arrange
        var units = (await _temp.Units.GetAllAsync()).Select(u => u.Code).ToArray();

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var versions = new List<long>();
            for (var batch = 0; batch < 50; batch++)
            {
                Figure[] figures =
                [
                    Ratio(units[(writer * 50 + batch) % units.Length], "a", batch, 100),
                    Ratio(units[(writer * 50 + batch + 1) % units.Length], "c", writer, 100),
                ];
                versions.Add((await _temp.Figures.AppendBatchAsync(figures, "api", $"writer-{writer}", TempDatabase.Now)).Version);
            }

            return versions;
        })));

        // Assert
        Assert.Equal(Enumerable.Range(1, 400).Select(v => (long)v), results.SelectMany(v => v).Order());
        Assert.All(results, versions => Assert.Equal(versions.Order(), versions));
        Assert.Equal(400, await _temp.Figures.CurrentVersionAsync());
        Assert.Equal(800, await _temp.Figures.CountAsync());
    }

    [Fact]
    public async Task AppendBatchAsync_FiftyThousandFigures_AllStored()
    {
        // Arrange
        var units = (await _temp.Units.GetAllAsync()).Select(u => u.Code).ToArray();
        var figures = Enumerable.Range(0, 50_000)
            .Select(i => Ratio(units[i % units.Length], _indicators[i / units.Length % _indicators.Length], i % 97, 100))
            .ToList();

        // Act
        var batch = await _temp.Figures.AppendBatchAsync(figures, "nam-2024.xlsx", "admin", TempDatabase.Now);

        // Assert
        Assert.Equal((1L, 50_000), (batch.Version, batch.FigureCount));
        Assert.Equal(50_000, await _temp.Figures.CountAsync());
        var stored = await _temp.Figures.ReadAllAsync();
        Assert.Equal(figures, stored.Select(f => f.Figure));
    }
}

/// <summary>Every test of <see cref="FigureRepositoryTests"/>, on PostgreSQL.</summary>
public sealed class FigureRepositoryOnPostgresTests(PostgresTestDatabase postgres) : FigureRepositoryTests(new TempDatabase(postgres)), IClassFixture<PostgresTestDatabase>;
