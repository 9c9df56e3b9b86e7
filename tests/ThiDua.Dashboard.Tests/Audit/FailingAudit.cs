using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>Makes every audit append fail for real (a trigger that aborts the INSERT), and undoes it, on either provider.</summary>
internal static class FailingAudit
{
    /// <param name="kind">Only entries of this kind fail; every entry when null.</param>
    public static Task BreakAsync(TestStorage storage, string? kind = null) => storage.ExecuteAsync(storage.IsPostgres
        ? $"""
          CREATE OR REPLACE FUNCTION audit_fails() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END; $$;
          CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log FOR EACH ROW {(kind is null ? "" : $"WHEN (NEW.kind = '{kind}')")} EXECUTE FUNCTION audit_fails();
          """
        : $"CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log {(kind is null ? "" : $"WHEN NEW.kind = '{kind}'")} BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END;");

    public static Task RepairAsync(TestStorage storage) =>
        storage.ExecuteAsync(storage.IsPostgres ? "DROP TRIGGER audit_fails ON audit_log;" : "DROP TRIGGER audit_fails;");

    public static Task ExecuteAsync(TestStorage storage, string sql) => storage.ExecuteAsync(sql);

    public static Task<string?> TextAsync(TestStorage storage, string sql) => storage.ScalarAsync<string?>(sql);
}
