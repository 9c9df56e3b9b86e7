using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Audit;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// First start: when the database has no administrator, creates one (<c>ThiDua:Admin:UserName</c>)
/// with <c>ThiDua:Admin:InitialPassword</c> or, when that is empty, a random password written once
/// to the log. Either way the password must be changed at the first sign-in.
/// </summary>
public sealed class AdminBootstrap(UserStore users, IAuditTrail audit, IOptions<AdminOptions> options, TimeProvider time, ILogger<AdminBootstrap> logger)
{
    /// <returns>True when an administrator was created now.</returns>
    /// <exception cref="AuditWriteException">The administrator's audit entry could not be written; no administrator was created and start-up stops.</exception>
    public async Task<bool> EnsureAdminAsync(CancellationToken cancellationToken = default)
    {
        if (await users.CountAdminsAsync(cancellationToken) > 0) return false;

        var settings = options.Value;
        var userName = string.IsNullOrWhiteSpace(settings.UserName) ? "admin" : settings.UserName.Trim();
        if (await users.FindAsync(userName, cancellationToken) is not null)
        {
            logger.LogError("No administrator exists and the user name {UserName} (ThiDua:Admin:UserName) is taken by another role; set another name", userName);
            return false;
        }

        var generated = string.IsNullOrEmpty(settings.InitialPassword);
        var password = generated ? AccountService.GeneratePassword() : settings.InitialPassword!;
        try
        {
            // The administrator and its audit entry are one transaction: if the entry cannot be
            // written there is no administrator either, and the next start tries again.
            await users.InsertAsync(userName, "Quản trị viên", AccountService.HashForBootstrap(password), Roles.Admin, UnitScope.All,
                mustChangePassword: true, time.GetUtcNow(), cancellationToken,
                audit.EntryFor<UserAccount>(_ => new AuditRecord(AuditKinds.UserCreate, AuditKinds.SystemActor, null,
                    $"Tạo tài khoản quản trị đầu tiên {userName}", Subject: userName,
                    After: new { UserName = userName, Role = Roles.Admin, PasswordFrom = generated ? "random" : "ThiDua:Admin:InitialPassword" })));
        }
        catch (System.Data.Common.DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Several nodes starting together on one database: another one created the administrator first.
            if (await users.CountAdminsAsync(cancellationToken) == 0) throw;
            logger.LogInformation("Another node created the first administrator while this one started");
            return false;
        }
        catch (AuditWriteException)
        {
            logger.LogCritical("Chưa tạo tài khoản quản trị {UserName}: {Message} (the first administrator was not created because its audit entry could not be written)",
                userName, AuditWriteException.UserMessage);
            throw;
        }

        if (generated)
        {
            // The one secret this app ever logs, by design: nobody could sign in otherwise. It works
            // only until the first sign-in, which forces a new password.
            logger.LogWarning(
                "Đã tạo tài khoản quản trị “{UserName}” với mật khẩu tạm thời (one-time administrator password): {InitialPassword} "
                + "— đăng nhập tại /dang-nhap và đổi mật khẩu ngay; it must be changed at first sign-in.",
                userName, password);
        }
        else
        {
            logger.LogWarning("Created administrator {UserName} with the password from ThiDua:Admin:InitialPassword; it must be changed at first sign-in", userName);
        }
        return true;
    }
}
