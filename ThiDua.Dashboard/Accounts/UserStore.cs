using System.Security.Cryptography;
using Dapper;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Accounts;

/// <summary>A user as it was before a profile change and as the change left it.</summary>
public sealed record UserChange(UserAccount Before, UserAccount After);

/// <summary>The users table. Only <see cref="AccountService"/> writes through it, so every change is audited.</summary>
public sealed class UserStore(Database database)
{
    public async Task<IReadOnlyList<UserAccount>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserRow.Columns} FROM users ORDER BY lower(user_name);", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    public async Task<UserAccount?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await GetRowAsync("id = @Value", id, cancellationToken))?.ToAccount();

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        (await GetRowAsync("lower(user_name) = lower(@Value)", userName.Trim(), cancellationToken))?.ToAccount();

    internal async Task<UserRow?> GetRowAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserRow.Columns} FROM users WHERE {where};", new { Value = value }, cancellationToken: cancellationToken));
    }

    public async Task<long> CountAdminsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM users WHERE role = 'admin';", cancellationToken: cancellationToken));
    }

    /// <returns>The stored user.</returns>
    /// <param name="alsoInTransaction">Committed with the user (its audit entry); if it throws, no user is stored.</param>
    internal async Task<UserAccount> InsertAsync(string userName, string displayName, string passwordHash, string role, UnitScope scope,
        bool mustChangePassword, DateTimeOffset now, CancellationToken cancellationToken, AlsoInTransaction<UserAccount>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var timestamp = SqliteText.FromInstant(now);
        var row = await connection.QuerySingleAsync<UserRow>(new CommandDefinition(
            $"""
            INSERT INTO users (user_name, display_name, password_hash, role, units, must_change_password, security_stamp, created_at, updated_at)
            VALUES (@UserName, @DisplayName, @PasswordHash, @Role, @Units, @MustChange, @Stamp, @Now, @Now)
            RETURNING {UserRow.Columns};
            """,
            new
            {
                UserName = userName.Trim(), DisplayName = displayName.Trim(), PasswordHash = passwordHash, Role = role,
                Units = role == Roles.Editor ? scope.ToJson() : null, MustChange = mustChangePassword ? 1 : 0, Stamp = NewStamp(), Now = timestamp,
            },
            transaction, cancellationToken: cancellationToken));
        var user = row.ToAccount();
        await transaction.CommitWithAsync(alsoInTransaction, user);
        return user;
    }

    /// <summary>Role, display name, scope and status; a new security stamp ends the user's open sessions.</summary>
    /// <returns>The user before and after, both read in the update's transaction; null when there is no such user.</returns>
    /// <param name="alsoInTransaction">Committed with the change (its audit entry); if it throws, the user is unchanged.</param>
    internal async Task<UserChange?> UpdateProfileAsync(long id, string displayName, string role, UnitScope scope, bool disabled, DateTimeOffset now,
        CancellationToken cancellationToken, AlsoInTransaction<UserChange>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var before = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"SELECT {UserRow.Columns} FROM users WHERE id = @Id;", new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (before is null) return null;
        var after = await connection.QuerySingleAsync<UserRow>(new CommandDefinition(
            $"""
            UPDATE users SET display_name = @DisplayName, role = @Role, units = @Units, disabled = @Disabled,
                failed_sign_ins = CASE WHEN @Disabled = 0 THEN 0 ELSE failed_sign_ins END,
                locked_until = CASE WHEN @Disabled = 0 THEN NULL ELSE locked_until END,
                security_stamp = @Stamp, updated_at = @Now
            WHERE id = @Id
            RETURNING {UserRow.Columns};
            """,
            new
            {
                Id = id, DisplayName = displayName.Trim(), Role = role, Units = role == Roles.Editor ? scope.ToJson() : null,
                Disabled = disabled ? 1 : 0, Stamp = NewStamp(), Now = SqliteText.FromInstant(now),
            },
            transaction, cancellationToken: cancellationToken));
        var change = new UserChange(before.ToAccount(), after.ToAccount());
        await transaction.CommitWithAsync(alsoInTransaction, change);
        return change;
    }

    /// <returns>The user after the change, or null when there is no such user.</returns>
    /// <param name="alsoInTransaction">Committed with the new password (its audit entry); if it throws, the old password stays.</param>
    internal async Task<UserAccount?> SetPasswordAsync(long id, string passwordHash, bool mustChangePassword, DateTimeOffset now, CancellationToken cancellationToken,
        AlsoInTransaction<UserAccount>? alsoInTransaction = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            $"""
            UPDATE users SET password_hash = @Hash, must_change_password = @MustChange, failed_sign_ins = 0, locked_until = NULL,
                security_stamp = @Stamp, updated_at = @Now
            WHERE id = @Id
            RETURNING {UserRow.Columns};
            """,
            new { Id = id, Hash = passwordHash, MustChange = mustChangePassword ? 1 : 0, Stamp = NewStamp(), Now = SqliteText.FromInstant(now) },
            transaction, cancellationToken: cancellationToken));
        if (row is null) return null;
        var user = row.ToAccount();
        await transaction.CommitWithAsync(alsoInTransaction, user);
        return user;
    }

    /// <summary>Counts a failed sign-in; at <paramref name="maxFailures"/> in a row the account locks until <paramref name="lockUntil"/>.</summary>
    /// <returns>The lock's end when this failure locked the account.</returns>
    internal async Task<DateTimeOffset?> RecordFailureAsync(long id, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement, so two wrong passwords at the same moment both count.
        var locked = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            UPDATE users SET
                locked_until = CASE WHEN failed_sign_ins + 1 >= @Max THEN @LockUntil ELSE locked_until END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @Max THEN 0 ELSE failed_sign_ins + 1 END
            WHERE id = @Id
            RETURNING CASE WHEN failed_sign_ins = 0 THEN locked_until END;
            """,
            new { Id = id, Max = Math.Max(1, maxFailures), LockUntil = SqliteText.FromInstant(lockUntil) },
            cancellationToken: cancellationToken));
        return locked is null ? null : SqliteText.ToInstant(locked);
    }

    internal async Task RecordSuccessAsync(long id, string? rehashed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = @Now,
                password_hash = coalesce(@Rehashed, password_hash)
            WHERE id = @Id;
            """,
            new { Id = id, Rehashed = rehashed, Now = SqliteText.FromInstant(now) },
            cancellationToken: cancellationToken));
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
