using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Audit;

namespace ThiDua.Dashboard.Accounts;

public enum SignInStatus { Success, Failed, LockedOut }

/// <summary>The outcome of a sign-in attempt. A disabled account is <see cref="SignInStatus.Failed"/>, like a wrong password.</summary>
public sealed record SignInOutcome(SignInStatus Status, UserAccount? User, DateTimeOffset? LockedUntil);

/// <summary>A key just created: the secret exists only here, to show once; the store keeps its hash.</summary>
public sealed record NewApiKey(StoredApiKey Key, string Secret);

public static class NewApiKeyOutcome
{
    /// <summary><c>var (key, secret, problem) = await accounts.CreateKeyAsync(…)</c>.</summary>
    public static void Deconstruct(this Outcome<NewApiKey> outcome, out StoredApiKey? key, out string? secret, out string? problem) =>
        (key, secret, problem) = (outcome.Value?.Key, outcome.Value?.Secret, outcome.Problem);
}

/// <summary>Who does an account or key change, from where: recorded in the audit trail.</summary>
public sealed record AccountActor(string Name, string? Address);

/// <summary>
/// Sign-in (with lock-out), passwords, users and API keys. Every change and every sign-in attempt
/// is written to the audit trail; a password or a key never is.
/// </summary>
public sealed class AccountService(
    UserStore users,
    ApiKeyStore keys,
    IAuditTrail audit,
    IOptionsMonitor<AccessOptions> options,
    TimeProvider time)
{
    public const int MinPasswordLength = 10;

    private static readonly PasswordHasher<UserAccount> _hasher = new();

    // Hashing for an unknown user name too keeps the answer's timing from telling which names exist.
    private static readonly Lazy<string> _dummyHash = new(() => _hasher.HashPassword(null!, "không có người dùng này"));

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string? address, CancellationToken cancellationToken = default)
    {
        var name = (userName ?? "").Trim();
        var row = name.Length == 0 ? null : await users.GetRowAsync("user_name = @Value", name, cancellationToken);
        var now = time.GetUtcNow();
        if (row is null)
        {
            _hasher.VerifyHashedPassword(null!, _dummyHash.Value, password ?? "");
            await FailedAsync(Truncate(name.Length == 0 ? "(trống)" : name), address, "không có tài khoản này", cancellationToken);
            return new SignInOutcome(SignInStatus.Failed, null, null);
        }

        var user = row.ToAccount();
        if (user.LockedUntil is { } until && until > now)
        {
            await FailedAsync(user.UserName, address, $"tài khoản đang bị khóa đến {until:yyyy-MM-ddTHH:mm:ssZ}", cancellationToken);
            return new SignInOutcome(SignInStatus.LockedOut, user, until);
        }

        var verdict = _hasher.VerifyHashedPassword(user, row.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var access = options.CurrentValue;
            var locked = await users.RecordFailureAsync(user.Id, access.MaxFailedSignIns, now.AddMinutes(access.LockoutMinutes), cancellationToken);
            await FailedAsync(user.UserName, address, locked is null ? "sai mật khẩu" : $"sai mật khẩu; khóa tài khoản đến {locked:yyyy-MM-ddTHH:mm:ssZ}", cancellationToken);
            return locked is { } lockedUntil ? new SignInOutcome(SignInStatus.LockedOut, user, lockedUntil) : new SignInOutcome(SignInStatus.Failed, null, null);
        }
        if (user.Disabled)
        {
            await FailedAsync(user.UserName, address, "tài khoản đã bị vô hiệu hóa", cancellationToken);
            return new SignInOutcome(SignInStatus.Failed, null, null);
        }

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(user, password!) : null;
        await users.RecordSuccessAsync(user.Id, rehashed, now, cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditKinds.SignIn, user.UserName, address, "Đăng nhập", Subject: user.UserName), cancellationToken);
        return new SignInOutcome(SignInStatus.Success, user with { FailedSignIns = 0, LockedUntil = null, LastSignInAt = now }, null);
    }

    public Task RecordSignOutAsync(string userName, string? address, CancellationToken cancellationToken = default) =>
        audit.RecordAsync(new AuditRecord(AuditKinds.SignOut, userName, address, "Đăng xuất", Subject: userName), cancellationToken);

    /// <returns>Done, or why not (Vietnamese) — also when its audit entry could not be written, and then the old password stays.</returns>
    public async Task<Outcome> ChangePasswordAsync(long userId, string currentPassword, string newPassword, string? address, CancellationToken cancellationToken = default)
    {
        var row = await users.GetRowAsync("id = @Value", userId, cancellationToken);
        if (row is null || row.Disabled != 0) return Outcome.Refused("Tài khoản không còn hiệu lực.");
        var user = row.ToAccount();
        if (_hasher.VerifyHashedPassword(user, row.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
            return Outcome.Refused("Mật khẩu hiện tại không đúng.");
        if (PasswordProblem(newPassword, user.UserName) is { } problem) return Outcome.Refused(problem);
        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal)) return Outcome.Refused("Mật khẩu mới phải khác mật khẩu hiện tại.");

        try
        {
            // The new password and its audit entry are one transaction.
            var changed = await users.SetPasswordAsync(user.Id, _hasher.HashPassword(user, newPassword), mustChangePassword: false, time.GetUtcNow(), cancellationToken,
                audit.EntryFor<UserAccount>(changed => new AuditRecord(AuditKinds.UserPassword, changed.UserName, address, "Tự đổi mật khẩu", Subject: changed.UserName)));
            return changed is null ? Outcome.Refused("Tài khoản không còn hiệu lực.") : Outcome.Ok;
        }
        catch (AuditWriteException)
        {
            return Outcome.Refused(AuditWriteException.UserMessage);
        }
    }

    /// <summary>Creates a user who must choose a new password at first sign-in.</summary>
    /// <returns>The user, or why not (Vietnamese) — also when its audit entry could not be written, and then nothing is stored.</returns>
    public async Task<Outcome<UserAccount>> CreateUserAsync(
        string userName, string displayName, string role, UnitScope scope, string initialPassword, AccountActor actor, CancellationToken cancellationToken = default)
    {
        userName = (userName ?? "").Trim();
        if (UserNameProblem(userName) is { } badName) return Outcome<UserAccount>.Refused(badName);
        if (!Roles.IsKnown(role)) return Outcome<UserAccount>.Refused("Vai trò không hợp lệ.");
        if (EditorScopeProblem(role, scope) is { } noUnit) return Outcome<UserAccount>.Refused(noUnit);
        if (PasswordProblem(initialPassword, userName) is { } problem) return Outcome<UserAccount>.Refused(problem);
        if (await users.FindAsync(userName, cancellationToken) is not null) return Outcome<UserAccount>.Refused($"Đã có tài khoản “{userName}”.");

        var hash = _hasher.HashPassword(null!, initialPassword);
        try
        {
            // The user and its audit entry are one transaction: no account exists that the trail does not show.
            var user = await users.InsertAsync(userName, string.IsNullOrWhiteSpace(displayName) ? userName : displayName, hash, role, scope,
                mustChangePassword: true, time.GetUtcNow(), cancellationToken,
                audit.EntryFor<UserAccount>(user => new AuditRecord(AuditKinds.UserCreate, actor.Name, actor.Address,
                    $"Tạo tài khoản {user.UserName} ({Roles.Label(user.Role)})", Subject: user.UserName, After: user.AuditView)));
            return Outcome<UserAccount>.Made(user);
        }
        catch (AuditWriteException)
        {
            return Outcome<UserAccount>.Refused(AuditWriteException.UserMessage);
        }
    }

    /// <summary>An editor may write only the units given to it: with none, the account could do nothing it was made for.</summary>
    private static string? EditorScopeProblem(string role, UnitScope scope) =>
        role == Roles.Editor && (scope.IsAll || scope.Units.Count == 0)
            ? "Tài khoản nhập liệu phải được giao ít nhất một đơn vị: chọn đơn vị hoặc cả quận/huyện."
            : null;

    /// <summary>Changes a user's display name, role, unit scope and whether it is disabled; ends the user's sessions.</summary>
    /// <returns>The user as changed, or why not (Vietnamese) — also when its audit entry could not be written, and then nothing changed.</returns>
    public async Task<Outcome<UserAccount>> UpdateUserAsync(
        long id, string displayName, string role, UnitScope scope, bool disabled, AccountActor actor, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role)) return Outcome<UserAccount>.Refused("Vai trò không hợp lệ.");
        var before = await users.GetAsync(id, cancellationToken);
        if (before is null) return Outcome<UserAccount>.Refused("Không có tài khoản này.");
        if (before.Role == Roles.Admin && (role != Roles.Admin || disabled) && await EnabledAdminsAsync(cancellationToken) <= 1 && !before.Disabled)
            return Outcome<UserAccount>.Refused("Không thể bỏ quyền hoặc vô hiệu hóa quản trị viên cuối cùng.");
        if (EditorScopeProblem(role, scope) is { } noUnit) return Outcome<UserAccount>.Refused(noUnit);

        try
        {
            // The change and its audit entry are one transaction; before and after are read inside it.
            var change = await users.UpdateProfileAsync(id, string.IsNullOrWhiteSpace(displayName) ? before.UserName : displayName, role, scope, disabled,
                time.GetUtcNow(), cancellationToken,
                audit.EntryFor<UserChange>(change => new AuditRecord(AuditKinds.UserUpdate, actor.Name, actor.Address,
                    $"Sửa tài khoản {change.After.UserName}"
                    + (change.Before.Disabled != change.After.Disabled ? (change.After.Disabled ? " (vô hiệu hóa)" : " (kích hoạt lại)") : ""),
                    Subject: change.After.UserName, Before: change.Before.AuditView, After: change.After.AuditView)));
            return change is null ? Outcome<UserAccount>.Refused("Không có tài khoản này.") : Outcome<UserAccount>.Made(change.After);
        }
        catch (AuditWriteException)
        {
            return Outcome<UserAccount>.Refused(AuditWriteException.UserMessage);
        }
    }

    /// <summary>Sets a new random password the user must change at next sign-in; unlocks the account.</summary>
    /// <returns>The new password, to hand to the user once; or why not (Vietnamese) — no such user, or its audit
    /// entry could not be written, and then the old password stays.</returns>
    public async Task<Outcome<string>> ResetPasswordAsync(long id, AccountActor actor, CancellationToken cancellationToken = default)
    {
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null) return Outcome<string>.Refused(NoSuchUser);
        var password = GeneratePassword();
        try
        {
            // The new password and its audit entry are one transaction.
            var changed = await users.SetPasswordAsync(id, _hasher.HashPassword(user, password), mustChangePassword: true, time.GetUtcNow(), cancellationToken,
                audit.EntryFor<UserAccount>(changed => new AuditRecord(AuditKinds.UserPassword, actor.Name, actor.Address,
                    $"Đặt lại mật khẩu của {changed.UserName}", Subject: changed.UserName)));
            return changed is null ? Outcome<string>.Refused(NoSuchUser) : Outcome<string>.Made(password);
        }
        catch (AuditWriteException)
        {
            return Outcome<string>.Refused(AuditWriteException.UserMessage);
        }
    }

    private const string NoSuchUser = "Không có tài khoản này.";

    /// <returns>The key and its secret (shown once), or why not (Vietnamese) — also when its audit entry could not be written, and then nothing is stored.</returns>
    public async Task<Outcome<NewApiKey>> CreateKeyAsync(
        string name, UnitScope scope, bool isAdmin, AccountActor actor, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100) return Outcome<NewApiKey>.Refused("Tên khóa phải có từ 1 đến 100 ký tự.");
        if ((await keys.GetAllAsync(cancellationToken)).Any(k => string.Equals(k.Name, name, StringComparison.Ordinal)))
            return Outcome<NewApiKey>.Refused($"Đã có khóa tên “{name}”.");
        try
        {
            // The key and its audit entry are one transaction: no key exists that the trail does not show.
            var (key, secret) = await keys.CreateAsync(name, scope, isAdmin, actor.Name, cancellationToken,
                audit.EntryFor<StoredApiKey>(key => new AuditRecord(AuditKinds.KeyCreate, actor.Name, actor.Address,
                    $"Tạo khóa API {key.Name} ({key.Scope})", Subject: key.Name, After: key.AuditView)));
            return Outcome<NewApiKey>.Made(new NewApiKey(key, secret));
        }
        catch (AuditWriteException)
        {
            return Outcome<NewApiKey>.Refused(AuditWriteException.UserMessage);
        }
    }

    /// <returns>The key as it was before, or why not (Vietnamese) — no such live key, or its audit entry could not be
    /// written, and then the key stays live.</returns>
    public async Task<Outcome<StoredApiKey>> RevokeKeyAsync(long id, AccountActor actor, CancellationToken cancellationToken = default)
    {
        try
        {
            var revoked = await keys.RevokeAsync(id, actor.Name, cancellationToken,
                audit.EntryFor<StoredApiKey>(before => new AuditRecord(AuditKinds.KeyRevoke, actor.Name, actor.Address,
                    $"Thu hồi khóa API {before.Name}", Subject: before.Name, Before: before.AuditView, After: new { before.Name, Revoked = true })));
            return revoked is null ? Outcome<StoredApiKey>.Refused("Không có khóa này, hoặc khóa đã bị thu hồi.") : Outcome<StoredApiKey>.Made(revoked);
        }
        catch (AuditWriteException)
        {
            return Outcome<StoredApiKey>.Refused(AuditWriteException.UserMessage);
        }
    }

    /// <returns>Null when acceptable, else why not (Vietnamese).</returns>
    public static string? UserNameProblem(string userName) =>
        userName.Length is 0 or > 64 || userName.Any(char.IsWhiteSpace) ? "Tên đăng nhập phải có từ 1 đến 64 ký tự, không có khoảng trắng." : null;

    /// <returns>Null when acceptable, else why not (Vietnamese).</returns>
    public static string? PasswordProblem(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength) return $"Mật khẩu phải có ít nhất {MinPasswordLength} ký tự.";
        if (password.Length > 200) return "Mật khẩu dài quá 200 ký tự.";
        if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase)) return "Mật khẩu không được trùng tên đăng nhập.";
        return null;
    }

    /// <summary>16 characters from an alphabet without look-alikes (about 90 bits).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    internal static string HashForBootstrap(string password) => _hasher.HashPassword(null!, password);

    private async Task<int> EnabledAdminsAsync(CancellationToken cancellationToken) =>
        (await users.GetAllAsync(cancellationToken)).Count(u => u.Role == Roles.Admin && !u.Disabled);

    private Task FailedAsync(string userName, string? address, string why, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(AuditKinds.SignInFailed, userName, address, $"Đăng nhập không thành công: {why}", Subject: userName), cancellationToken);

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64];
}
