using Microsoft.Data.Sqlite;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>Makes every audit append fail for real (a trigger that aborts the INSERT), and undoes it.</summary>
internal static class FailingAudit
{
    public static Task BreakAsync(string databaseFile) =>
        ExecuteAsync(databaseFile, "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;");

    public static Task RepairAsync(string databaseFile) => ExecuteAsync(databaseFile, "DROP TRIGGER audit_fails;");

    public static async Task ExecuteAsync(string databaseFile, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string?> TextAsync(string databaseFile, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
