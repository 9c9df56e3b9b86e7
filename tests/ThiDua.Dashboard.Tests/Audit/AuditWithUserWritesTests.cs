using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>User accounts (create, update, password reset and change, the first administrator) are written in the same transaction as their audit entry.</summary>
public class AuditWithUserWritesTests : AccessHostTest
{
    public AuditWithUserWritesTests()
    {
    }

    private protected AuditWithUserWritesTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static readonly AccountActor Admin = new("quan-tri", "10.0.0.7");
    private const string Password = "mat-khau-tam-thoi-1";

    private AccountService Accounts => Host.Get<AccountService>();

    [Fact]
    public async Task CreateUser_AuditEntryCannotBeWritten_NoUserAndAProblem_ThenStoredWithOneEntry()
    {
        // Arrange
        await FailingAudit.BreakAsync(Storage);

        // Act
        var (refused, problem) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Editor, UnitScope.Of(["p-an-hoa"]), Password, Admin);

        // Assert: nothing stored, and the admin page gets the Vietnamese reason.
        Assert.Null(refused);
        Assert.Equal(AuditWriteException.UserMessage, problem);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM users WHERE user_name = 'can-bo'"));

        await FailingAudit.RepairAsync(Storage);
        var (user, none) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Editor, UnitScope.Of(["p-an-hoa"]), Password, Admin);
        Assert.Null(none);
        Assert.Equal(user!.SecurityStamp, (await Host.Get<UserStore>().GetAsync(user.Id))!.SecurityStamp);
        var entry = await AssertOneEntryAsync(AuditKinds.UserCreate, "can-bo");
        Assert.Contains("\"role\":\"editor\"", entry.AfterJson);
        AssertNoSecret(entry);
    }

    [Fact]
    public async Task UpdateUser_AuditEntryCannotBeWritten_UserUnchangedAndAProblem_ThenChangedWithOneEntry()
    {
        // Arrange
        var (user, _) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Editor, UnitScope.Of(["p-an-hoa"]), Password, Admin);
        var stored = await RowAsync(user!.Id);
        await FailingAudit.BreakAsync(Storage);

        // Act
        var (refused, problem) = await Accounts.UpdateUserAsync(user.Id, "Cán bộ mới", Roles.Viewer, UnitScope.All, disabled: true, Admin);

        // Assert: role, status and security stamp as they were (so the user's sessions go on).
        Assert.Null(refused);
        Assert.Equal(AuditWriteException.UserMessage, problem);
        Assert.Equal(stored, await RowAsync(user.Id));

        await FailingAudit.RepairAsync(Storage);
        var (after, none) = await Accounts.UpdateUserAsync(user.Id, "Cán bộ mới", Roles.Viewer, UnitScope.All, disabled: true, Admin);
        Assert.Null(none);
        Assert.Equal(after!.SecurityStamp, (await Host.Get<UserStore>().GetAsync(user.Id))!.SecurityStamp);
        Assert.True(after.Disabled);
        Assert.NotEqual(user.SecurityStamp, after.SecurityStamp);
        var entry = await AssertOneEntryAsync(AuditKinds.UserUpdate, "can-bo");
        Assert.Equal("Sửa tài khoản can-bo (vô hiệu hóa)", entry.Summary);
        Assert.Contains("\"role\":\"editor\"", entry.BeforeJson);
        Assert.Contains("\"role\":\"viewer\"", entry.AfterJson);
        AssertNoSecret(entry);
    }

    [Fact]
    public async Task ResetPassword_AuditEntryCannotBeWritten_OldPasswordStaysAndThrows_ThenResetWithOneEntry()
    {
        // Arrange
        var (user, _) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Viewer, UnitScope.All, Password, Admin);
        var stored = await RowAsync(user!.Id);
        await FailingAudit.BreakAsync(Storage);

        // Act
        var refused = await Accounts.ResetPasswordAsync(user.Id, Admin);

        // Assert: refused in the service's one style, never thrown.
        Assert.Equal(AuditWriteException.UserMessage, refused.Problem);
        Assert.Null(refused.Value);
        Assert.Equal(stored, await RowAsync(user.Id));

        await FailingAudit.RepairAsync(Storage);
        var (password, _) = await Accounts.ResetPasswordAsync(user.Id, Admin);
        Assert.NotNull(password);
        Assert.NotEqual(stored, await RowAsync(user.Id));
        Assert.Equal(SignInStatus.Success, (await Accounts.SignInAsync("can-bo", password!, null)).Status);
        var entry = await AssertOneEntryAsync(AuditKinds.UserPassword, "can-bo");
        Assert.Equal("Đặt lại mật khẩu của can-bo", entry.Summary);
        AssertNoSecret(entry);
    }

    [Fact]
    public async Task ChangePassword_AuditEntryCannotBeWritten_OldPasswordStaysAndAProblem_ThenChangedWithOneEntry()
    {
        // Arrange
        var (user, _) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Viewer, UnitScope.All, Password, Admin);
        var stored = await RowAsync(user!.Id);
        await FailingAudit.BreakAsync(Storage);

        // Act
        var problem = (await Accounts.ChangePasswordAsync(user.Id, Password, "mat-khau-moi-that-dai", "10.0.0.9")).Problem;

        // Assert
        Assert.Equal(AuditWriteException.UserMessage, problem);
        Assert.Equal(stored, await RowAsync(user.Id));

        await FailingAudit.RepairAsync(Storage);
        Assert.True((await Accounts.ChangePasswordAsync(user.Id, Password, "mat-khau-moi-that-dai", "10.0.0.9")).Done);
        Assert.NotEqual(stored, await RowAsync(user.Id));
        Assert.Equal(0, await Host.ScalarAsync($"SELECT must_change_password FROM users WHERE id = {user.Id}"));
        var entry = Assert.Single(await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.UserPassword)));
        Assert.Equal(("can-bo", "10.0.0.9", "can-bo", "Tự đổi mật khẩu"), (entry.Actor, entry.Address, entry.Subject, entry.Summary));
        AssertNoSecret(entry);
        Assert.True((await Host.Get<IAuditTrail>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task ChangePasswordForm_AuditEntryCannotBeWritten_PageSaysSoInVietnameseAndTheOldPasswordStays()
    {
        // Arrange: the first administrator signed in (that sign-in is audited before the trail breaks).
        using var browser = Host.Browser();
        using var signIn = await AccessHost.SignInAsync(browser, "admin", AccessHost.AdminPassword);
        var stored = await FailingAudit.TextAsync(Storage, "SELECT password_hash FROM users WHERE user_name = 'admin'");
        await FailingAudit.BreakAsync(Storage);
        var fields = new Dictionary<string, string>
        {
            ["currentPassword"] = AccessHost.AdminPassword, ["newPassword"] = "mat-khau-moi-that-dai", ["confirmPassword"] = "mat-khau-moi-that-dai", ["ReturnUrl"] = "/",
        };

        // Act
        using var refused = await AccessHost.PostFormAsync(browser, "doi-mat-khau", fields);

        // Assert: the form again with the message, no stack trace; nothing changed.
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(AuditWriteException.UserMessage, html);
        Assert.DoesNotContain("AuditWriteException", html);
        Assert.Equal(stored, await FailingAudit.TextAsync(Storage, "SELECT password_hash FROM users WHERE user_name = 'admin'"));
        Assert.Equal(1, await Host.ScalarAsync("SELECT must_change_password FROM users WHERE user_name = 'admin'"));

        await FailingAudit.RepairAsync(Storage);
        using var changed = await AccessHost.PostFormAsync(browser, "doi-mat-khau", fields);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.NotEqual(stored, await FailingAudit.TextAsync(Storage, "SELECT password_hash FROM users WHERE user_name = 'admin'"));
        Assert.Single(await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.UserPassword)));
        Assert.True((await Host.Get<IAuditTrail>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task FirstAdministrator_AuditEntryCannotBeWritten_NoAdministratorAndThrows_ThenCreatedWithOneEntry()
    {
        // Arrange: the database as if no administrator existed (the start-up one renamed and demoted).
        await FailingAudit.ExecuteAsync(Storage, "UPDATE users SET user_name = 'cu', role = 'viewer' WHERE user_name = 'admin';");
        var bootstrap = Host.Get<AdminBootstrap>();
        var entriesBefore = await Host.ScalarAsync("SELECT count(*) FROM audit_log");
        await FailingAudit.BreakAsync(Storage);

        // Act
        var error = await Record.ExceptionAsync(() => bootstrap.EnsureAdminAsync());

        // Assert: start-up would stop, with the reason logged, and no administrator exists without its entry.
        Assert.IsType<AuditWriteException>(error);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM users WHERE role = 'admin'"));
        Assert.Contains(Host.Log, l => l.Contains(AuditWriteException.UserMessage, StringComparison.Ordinal));

        await FailingAudit.RepairAsync(Storage);
        Assert.True(await bootstrap.EnsureAdminAsync());
        Assert.Equal(1, await Host.ScalarAsync("SELECT count(*) FROM users WHERE role = 'admin' AND user_name = 'admin'"));
        Assert.Equal(entriesBefore + 1, await Host.ScalarAsync("SELECT count(*) FROM audit_log"));
        var entry = (await Host.Get<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.UserCreate)))[0];
        Assert.Equal((AuditKinds.SystemActor, "admin", "Tạo tài khoản quản trị đầu tiên admin"), (entry.Actor, entry.Subject, entry.Summary));
        AssertNoSecret(entry);
        Assert.True((await Host.Get<IAuditTrail>().VerifyAsync()).Valid);
    }

    private async Task<AuditEntry> AssertOneEntryAsync(string kind, string subject)
    {
        var audit = Host.Get<IAuditTrail>();
        var entry = Assert.Single(await audit.QueryAsync(new AuditQuery(Kind: kind)), e => e.Subject == subject);
        Assert.Equal((Admin.Name, Admin.Address), (entry.Actor, entry.Address));
        Assert.True((await audit.VerifyAsync()).Valid);
        return entry;
    }

    private static void AssertNoSecret(AuditEntry entry)
    {
        var text = entry.Summary + entry.BeforeJson + entry.AfterJson;
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal);
    }

    /// <summary>The columns a user change touches, as stored.</summary>
    private Task<string?> RowAsync(long id) => FailingAudit.TextAsync(Storage,
        $"SELECT concat_ws('|', display_name, role, units, disabled, must_change_password, password_hash, security_stamp, updated_at) FROM users WHERE id = {id}");

    [Fact]
    public async Task CreateOrUpdateUser_EditorWithNoUnit_IsRefusedAndNothingStored()
    {
        var (refused, problem) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Editor, UnitScope.Of([]), Password, Admin);

        Assert.Null(refused);
        Assert.Equal("Tài khoản nhập liệu phải được giao ít nhất một đơn vị: chọn đơn vị hoặc cả quận/huyện.", problem);
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM users WHERE user_name = 'can-bo'"));

        var (viewer, _) = await Accounts.CreateUserAsync("can-bo", "Cán bộ", Roles.Viewer, UnitScope.All, Password, Admin);
        var (unchanged, again) = await Accounts.UpdateUserAsync(viewer!.Id, "Cán bộ", Roles.Editor, UnitScope.All, disabled: false, Admin);

        Assert.Null(unchanged);
        Assert.Equal(problem, again);
        Assert.Equal(Roles.Viewer, (await Host.Get<UserStore>().GetAsync(viewer.Id))!.Role);
    }
}

/// <summary>Every test of <see cref="AuditWithUserWritesTests"/>, on PostgreSQL.</summary>
public sealed class AuditWithUserWritesOnPostgresTests(PostgresTestDatabase postgres) : AuditWithUserWritesTests(postgres), IClassFixture<PostgresTestDatabase>;
