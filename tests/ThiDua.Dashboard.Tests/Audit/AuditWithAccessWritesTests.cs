using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>API keys and screen links are created and revoked in the same transaction as their audit entry.</summary>
public class AuditWithAccessWritesTests : AccessHostTest
{
    public AuditWithAccessWritesTests()
    {
    }

    private protected AuditWithAccessWritesTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static readonly AccountActor Admin = new("quan-tri", "10.0.0.7");

    [Fact]
    public async Task CreateKey_AuditEntryCannotBeWritten_NoKeyAndAProblem_ThenStoredWithOneEntry()
    {
        // Arrange
        var accounts = Host.Get<AccountService>();
        await BreakAuditAsync();

        // Act
        var (refused, refusedSecret, problem) = await accounts.CreateKeyAsync("may-tram", UnitScope.All, isAdmin: false, Admin);

        // Assert: nothing stored, and the page gets a Vietnamese reason.
        Assert.Null(refused);
        Assert.Null(refusedSecret);
        Assert.Equal(AuditWriteException.UserMessage, problem);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM api_keys"));

        await RepairAuditAsync();
        var (key, secret, none) = await accounts.CreateKeyAsync("may-tram", UnitScope.All, isAdmin: false, Admin);
        Assert.Null(none);
        Assert.NotNull(await Host.Get<ApiKeyStore>().AuthenticateAsync(secret!));
        await AssertOneEntryAsync(AuditKinds.KeyCreate, key!.Name);
    }

    [Fact]
    public async Task RevokeKey_AuditEntryCannotBeWritten_KeyStaysLiveAndThrows_ThenRevokedWithOneEntry()
    {
        // Arrange
        var accounts = Host.Get<AccountService>();
        var (key, secret, _) = await accounts.CreateKeyAsync("may-tram", UnitScope.All, isAdmin: false, Admin);
        await BreakAuditAsync();

        // Act
        var refused = await accounts.RevokeKeyAsync(key!.Id, Admin);

        // Assert: refused in the service's one style, never thrown.
        Assert.NotNull(await Host.Get<ApiKeyStore>().AuthenticateAsync(secret!));
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL"));
        Assert.Equal(AuditWriteException.UserMessage, refused.Problem);

        await RepairAuditAsync();
        Assert.True((await accounts.RevokeKeyAsync(key!.Id, Admin)).Done);
        Assert.Null(await Host.Get<ApiKeyStore>().AuthenticateAsync(secret!));
        await AssertOneEntryAsync(AuditKinds.KeyRevoke, key.Name);
    }

    [Fact]
    public async Task CreateScreenLink_AuditEntryCannotBeWritten_NoLinkAndAProblem_ThenStoredWithOneEntry()
    {
        // Arrange
        var links = Host.Get<ScreenLinkService>();
        await BreakAuditAsync();

        // Act
        var (refused, refusedToken, problem) = await links.CreateAsync("Phòng họp A", Admin);

        // Assert
        Assert.Null(refused);
        Assert.Null(refusedToken);
        Assert.Equal(AuditWriteException.UserMessage, problem);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM screen_links"));

        await RepairAuditAsync();
        var (link, token, none) = await links.CreateAsync("Phòng họp A", Admin);
        Assert.Null(none);
        Assert.NotNull(await Host.Get<ScreenLinkStore>().AuthenticateAsync(token!));
        await AssertOneEntryAsync(AuditKinds.ScreenCreate, link!.Name);
    }

    [Fact]
    public async Task RevokeScreenLink_AuditEntryCannotBeWritten_LinkStaysLiveAndThrows_ThenRevokedWithOneEntry()
    {
        // Arrange
        var links = Host.Get<ScreenLinkService>();
        var (link, token, _) = await links.CreateAsync("Phòng họp A", Admin);
        await BreakAuditAsync();

        // Act
        var error = await Record.ExceptionAsync(() => links.RevokeAsync(link!.Id, Admin));

        // Assert
        Assert.NotNull(await Host.Get<ScreenLinkStore>().GetLiveAsync(link!.Id, link.Stamp));
        Assert.NotNull(await Host.Get<ScreenLinkStore>().AuthenticateAsync(token!));
        Assert.IsType<AuditWriteException>(error);

        await RepairAuditAsync();
        Assert.True(await links.RevokeAsync(link.Id, Admin));
        Assert.Null(await Host.Get<ScreenLinkStore>().GetLiveAsync(link.Id, link.Stamp));
        await AssertOneEntryAsync(AuditKinds.ScreenRevoke, link.Name);
    }

    private async Task AssertOneEntryAsync(string kind, string subject)
    {
        var audit = Host.Get<IAuditTrail>();
        var entry = Assert.Single(await audit.QueryAsync(new AuditQuery(Kind: kind)));
        Assert.Equal((Admin.Name, Admin.Address, subject), (entry.Actor, entry.Address, entry.Subject));
        Assert.True((await audit.VerifyAsync()).Valid);
    }

    private Task BreakAuditAsync() => FailingAudit.BreakAsync(Storage);

    private Task RepairAuditAsync() => FailingAudit.RepairAsync(Storage);
}

/// <summary>Every test of <see cref="AuditWithAccessWritesTests"/>, on PostgreSQL.</summary>
public sealed class AuditWithAccessWritesOnPostgresTests(PostgresTestDatabase postgres) : AuditWithAccessWritesTests(postgres), IClassFixture<PostgresTestDatabase>;
