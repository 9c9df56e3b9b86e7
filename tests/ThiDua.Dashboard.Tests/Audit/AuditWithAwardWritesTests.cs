using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>The committee's nominations, withdrawals and individuals are written in the same transaction as their audit entry.</summary>
public class AuditWithAwardWritesTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase? _postgres;

    public AuditWithAwardWritesTests()
    {
    }

    private protected AuditWithAwardWritesTests(PostgresTestDatabase postgres) => _postgres = postgres;

    private const string Committee = "hoi-dong";
    private const string Address = "10.0.0.8";

    private TestStorage _file = default!;
    private AccessHost _host = default!;

    private AwardBook Book => _host.Get<AwardBook>();

    public async Task InitializeAsync()
    {
        _file = TestStorage.For(AccessHost.NewDatabaseFile(), _postgres);
        _host = new AccessHost(_file);
        // Registered in time, so the unit may hold the committee's slot.
        await _host.Get<FigureIngestion>().SetRegistrationAsync("so-tu-phap", new DateOnly(2024, 4, 1), "form", "test");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Delete();
    }

    private async Task<IReadOnlyList<string>> NominateAsync() => (await Book.NominateAsync("so-nganh", "tham-muu", "so-tu-phap", "Tham mưu tốt", Committee, Address)).Problems;

    private async Task<IReadOnlyList<string>> WithdrawAsync() => (await Book.WithdrawAsync("so-nganh", "tham-muu", "so-tu-phap", "Văn phòng UBND thành phố rút đề cử", Committee, Address)).Problems;

    private async Task<IReadOnlyList<string>> AddIndividualAsync() =>
        (await Book.AddIndividualAsync("Nguyễn Văn A", "Chuyên viên", "so-tu-phap", IndividualDuty.KiemSoatTthc, "Tham mưu văn bản đúng hạn", Committee, Address)).Problems;

    [Fact]
    public async Task Nominate_AuditEntryCannotBeWritten_NotNominatedAndAProblem_ThenStoredWithOneEntry()
    {
        // Arrange
        await FailingAudit.BreakAsync(_file);

        // Act
        var refused = await NominateAsync();

        // Assert: the page shows the Vietnamese reason; no row.
        Assert.Equal([AuditWriteException.UserMessage], refused);
        Assert.Equal(0, await _host.ScalarAsync("SELECT count(*) FROM committee_nominations"));
        Assert.Empty(await Book.NominationsAsync());

        await FailingAudit.RepairAsync(_file);
        Assert.Empty(await NominateAsync());
        Assert.Equal("so-tu-phap", Assert.Single(await Book.NominationsAsync()).Unit);
        var entry = await AssertOneEntryAsync("Đề cử ");
        Assert.Equal("so-nganh/tham-muu", entry.Subject);
        Assert.Contains("so-tu-phap", entry.AfterJson);
    }

    [Fact]
    public async Task Withdraw_AuditEntryCannotBeWritten_StillNominatedAndAProblem_ThenWithdrawnWithOneEntry()
    {
        // Arrange
        Assert.Empty(await NominateAsync());
        await FailingAudit.BreakAsync(_file);

        // Act
        var refused = await WithdrawAsync();

        // Assert
        Assert.Equal([AuditWriteException.UserMessage], refused);
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM committee_nominations"));
        Assert.Single(await Book.NominationsAsync());

        await FailingAudit.RepairAsync(_file);
        Assert.Empty(await WithdrawAsync());
        Assert.Empty(await Book.NominationsAsync());
        var entry = await AssertOneEntryAsync("Rút đề cử ");
        Assert.Contains("Văn phòng UBND thành phố rút đề cử", entry.AfterJson);
    }

    [Fact]
    public async Task AddIndividual_AuditEntryCannotBeWritten_NotListedAndAProblem_ThenListedWithOneEntry()
    {
        // Arrange: the unit holds the committee's slot, so its people may be proposed.
        Assert.Empty(await NominateAsync());
        await FailingAudit.BreakAsync(_file);

        // Act
        var refused = await AddIndividualAsync();

        // Assert
        Assert.Equal([AuditWriteException.UserMessage], refused);
        Assert.Equal(0, await _host.ScalarAsync("SELECT count(*) FROM award_individuals"));

        await FailingAudit.RepairAsync(_file);
        Assert.Empty(await AddIndividualAsync());
        var person = Assert.Single(await _host.Get<ThiDua.Dashboard.Storage.AwardRepository>().IndividualsAsync());
        var entry = await AssertOneEntryAsync("Thêm cá nhân ");
        Assert.Equal($"individual/{person.Id}", entry.Subject);
    }

    [Fact]
    public async Task RemoveIndividual_AuditEntryCannotBeWritten_StillListedAndThrows_ThenRemovedWithOneEntry()
    {
        // Arrange
        Assert.Empty(await NominateAsync());
        Assert.Empty(await AddIndividualAsync());
        var awards = _host.Get<ThiDua.Dashboard.Storage.AwardRepository>();
        var person = Assert.Single(await awards.IndividualsAsync());
        await FailingAudit.BreakAsync(_file);

        // Act
        var refused = await Book.RemoveIndividualAsync(person.Id, Committee, Address);

        // Assert: refused in the service's one style, never thrown.
        Assert.Equal(AuditWriteException.UserMessage + " Cá nhân này vẫn có trong danh sách.", refused.Problem);
        Assert.Null(refused.Value);
        Assert.Single(await awards.IndividualsAsync());
        Assert.Equal(0, await _host.ScalarAsync("SELECT count(*) FROM award_individuals WHERE removed_at IS NOT NULL"));

        await FailingAudit.RepairAsync(_file);
        Assert.Equal(person.Id, (await Book.RemoveIndividualAsync(person.Id, Committee, Address)).Value?.Id);
        Assert.Empty(await awards.IndividualsAsync());
        var entry = await AssertOneEntryAsync("Bỏ cá nhân ");
        Assert.Equal($"individual/{person.Id}", entry.Subject);
        Assert.Contains("Nguyễn Văn A", entry.BeforeJson);
    }

    /// <summary>Exactly one entry of this kind of decision, by the committee member from their address, in a valid chain.</summary>
    private async Task<AuditEntry> AssertOneEntryAsync(string summaryStart)
    {
        var audit = _host.Get<IAuditTrail>();
        var entries = await audit.QueryAsync(new AuditQuery(Actor: Committee));
        var entry = Assert.Single(entries, e => e.Summary.StartsWith(summaryStart, StringComparison.Ordinal));
        Assert.Equal(Address, entry.Address);
        Assert.Contains(entry.Kind, new[] { AuditKinds.Nomination, AuditKinds.AwardIndividual });
        Assert.True((await audit.VerifyAsync()).Valid);
        return entry;
    }
}

/// <summary>Every test of <see cref="AuditWithAwardWritesTests"/>, on PostgreSQL.</summary>
public sealed class AuditWithAwardWritesOnPostgresTests(PostgresTestDatabase postgres) : AuditWithAwardWritesTests(postgres), IClassFixture<PostgresTestDatabase>;
