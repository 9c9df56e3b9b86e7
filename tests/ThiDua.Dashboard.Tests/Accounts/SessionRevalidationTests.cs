using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Accounts;

/// <summary>
/// An open page (a Blazor circuit) keeps the sign-in it started with unless something asks again:
/// <see cref="SessionValidator"/> is that question, <see cref="RevalidatingAccessStateProvider"/> asks it
/// every <c>ThiDua:Access:RevalidateSeconds</c>. Real app, real SQLite file.
/// </summary>
public class SessionRevalidationTests : IAsyncDisposable
{
    private static readonly AccountActor _admin = new("admin", "127.0.0.1");
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(10);

    private readonly TestStorage _file;

    public SessionRevalidationTests()
        : this(null)
    {
    }

    /// <summary>The same tests on PostgreSQL when <paramref name="postgres"/> is given.</summary>
    private protected SessionRevalidationTests(PostgresTestDatabase? postgres) => _file = TestStorage.For(AccessHost.NewDatabaseFile(), postgres);
    private AccessHost? _host;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _file.Delete();
    }

    [Fact]
    public async Task SessionValidator_ScreenLinks_LiveIsValidRevokedOrForeignIsNot()
    {
        // Arrange
        _host = new AccessHost(_file, new Dictionary<string, string?> { ["ThiDua:Access:AnonymousRead"] = "false" });
        var validator = _host.Get<SessionValidator>();
        var kept = await CreateLinkAsync("Hội trường");
        var revoked = await CreateLinkAsync("Phòng họp tầng 2");
        var foreign = ScreenLinkService.Principal(kept with { Stamp = "0000000000000000" }, null);

        // Act
        Assert.True(await _host.Get<ScreenLinkService>().RevokeAsync(revoked.Id, _admin));

        // Assert
        Assert.True(await validator.IsValidAsync(ScreenLinkService.Principal(kept, "10.0.0.5")));
        Assert.False(await validator.IsValidAsync(ScreenLinkService.Principal(revoked, "10.0.0.6")));
        Assert.False(await validator.IsValidAsync(foreign));
        Assert.True(await validator.IsValidAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public async Task SessionValidator_Users_DisabledRoleLoweredOrUnknownIsInvalid()
    {
        // Arrange
        _host = new AccessHost(_file);
        var validator = _host.Get<SessionValidator>();
        var accounts = _host.Get<AccountService>();
        var kept = await CreateUserAsync("can-bo-xem", Roles.Viewer);
        var locked = await CreateUserAsync("can-bo-bi-khoa", Roles.Editor);
        var lowered = await CreateUserAsync("hoi-dong", Roles.Committee);
        var keptPrincipal = SignedInUser.Principal(kept, null);
        var lockedPrincipal = SignedInUser.Principal(locked, null);
        var loweredPrincipal = SignedInUser.Principal(lowered, null);
        var unknown = SignedInUser.Principal(kept with { Id = 9_999 }, null);
        Assert.True(await validator.IsValidAsync(lockedPrincipal));
        Assert.True(await validator.IsValidAsync(loweredPrincipal));

        // Act
        Assert.Null((await accounts.UpdateUserAsync(locked.Id, locked.DisplayName, locked.Role, locked.Scope, disabled: true, _admin)).Problem);
        Assert.Null((await accounts.UpdateUserAsync(lowered.Id, lowered.DisplayName, Roles.Viewer, lowered.Scope, disabled: false, _admin)).Problem);

        // Assert
        Assert.True(await validator.IsValidAsync(keptPrincipal));
        Assert.False(await validator.IsValidAsync(lockedPrincipal));
        Assert.False(await validator.IsValidAsync(loweredPrincipal));
        Assert.False(await validator.IsValidAsync(unknown));
    }

    [Fact]
    public async Task CircuitAuthenticationState_LinkRevokedOrUserDisabled_TurnsAnonymousWithinTheInterval()
    {
        // Arrange: the provider the app gives each circuit, checking every second.
        _host = new AccessHost(_file, new Dictionary<string, string?> { ["ThiDua:Access:RevalidateSeconds"] = "1" });
        var revoked = await CreateLinkAsync("Phòng họp tầng 2");
        var kept = await CreateLinkAsync("Hội trường");
        var user = await CreateUserAsync("can-bo-bi-khoa", Roles.Editor);
        await using var revokedCircuit = Circuit(ScreenLinkService.Principal(revoked, null));
        await using var keptCircuit = Circuit(ScreenLinkService.Principal(kept, null));
        await using var userCircuit = Circuit(SignedInUser.Principal(user, null));
        Assert.IsType<RevalidatingAccessStateProvider>(revokedCircuit.Provider);

        // Act
        Assert.True(await _host.Get<ScreenLinkService>().RevokeAsync(revoked.Id, _admin));
        Assert.Null((await _host.Get<AccountService>().UpdateUserAsync(user.Id, user.DisplayName, user.Role, user.Scope, disabled: true, _admin)).Problem);
        var revokedState = await revokedCircuit.Changed.WaitAsync(_bound);
        var userState = await userCircuit.Changed.WaitAsync(_bound);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two more checks of the live link

        // Assert
        Assert.False(revokedState.User.Identity?.IsAuthenticated);
        Assert.False(userState.User.Identity?.IsAuthenticated);
        Assert.False(keptCircuit.Changed.IsCompleted);
        Assert.True((await keptCircuit.Provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    private OpenCircuit Circuit(ClaimsPrincipal principal)
    {
        var scope = _host!.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        // What the circuit host does with the sign-in of the request that opened the circuit.
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);
        return new OpenCircuit(scope, provider, changed.Task);
    }

    private async Task<StoredScreenLink> CreateLinkAsync(string name)
    {
        var (link, _, problem) = await _host!.Get<ScreenLinkService>().CreateAsync(name, _admin);
        Assert.Null(problem);
        return link!;
    }

    private async Task<UserAccount> CreateUserAsync(string userName, string role)
    {
        var (user, problem) = await _host!.Get<AccountService>().CreateUserAsync(
            userName, userName, role, UnitScope.Of(["p-an-hoa"]), "mat-khau-ban-dau-dai", _admin);
        Assert.Null(problem);
        return user!;
    }

    private sealed record OpenCircuit(AsyncServiceScope Scope, AuthenticationStateProvider Provider, Task<AuthenticationState> Changed) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}

/// <summary>Every test of <see cref="SessionRevalidationTests"/>, on PostgreSQL.</summary>
public sealed class SessionRevalidationOnPostgresTests(PostgresTestDatabase postgres) : SessionRevalidationTests(postgres), IClassFixture<PostgresTestDatabase>;
