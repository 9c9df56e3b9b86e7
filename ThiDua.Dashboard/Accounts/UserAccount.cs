using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Accounts;

/// <summary>A user as stored, without the password hash.</summary>
public sealed record UserAccount(
    long Id,
    string UserName,
    string DisplayName,
    string Role,
    UnitScope Scope,
    bool Disabled,
    bool MustChangePassword,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt)
{
    /// <summary>What an editor may write; an admin writes every unit whatever is stored.</summary>
    public UnitScope WriteScope => Role == Roles.Admin ? UnitScope.All : Scope;

    /// <summary>For the audit trail: the facts an admin changes, never a hash.</summary>
    public object AuditView => new { UserName, DisplayName, Role, Units = Scope.IsAll ? null : Scope.Units, Disabled, MustChangePassword };
}

/// <summary>A users row (snake_case columns aliased to PascalCase; instants as text).</summary>
internal sealed class UserRow
{
    public const string Columns =
        "id AS Id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash, role AS Role, units AS Units, "
        + "disabled AS Disabled, must_change_password AS MustChangePassword, failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil, "
        + "security_stamp AS SecurityStamp, created_at AS CreatedAt, last_sign_in_at AS LastSignInAt";

    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Units { get; set; }
    public long Disabled { get; set; }
    public long MustChangePassword { get; set; }
    public long FailedSignIns { get; set; }
    public string? LockedUntil { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string? LastSignInAt { get; set; }

    public UserAccount ToAccount() => new(
        Id, UserName, DisplayName, Role, UnitScope.FromJson(Units), Disabled != 0, MustChangePassword != 0, (int)FailedSignIns,
        LockedUntil is null ? null : SqliteText.ToInstant(LockedUntil), SecurityStamp, SqliteText.ToInstant(CreatedAt),
        LastSignInAt is null ? null : SqliteText.ToInstant(LastSignInAt));
}
