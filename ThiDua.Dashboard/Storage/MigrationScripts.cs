using System.Globalization;
using System.Reflection;

namespace ThiDua.Dashboard.Storage;

/// <summary>One numbered schema migration, embedded from <c>Storage/Migrations/NNNN_name.sql</c>.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql);

internal static class MigrationScripts
{
    // Match the LogicalNames given to the EmbeddedResource items in ThiDua.Dashboard.csproj.
    private const string ResourcePrefix = "ThiDua.Storage.Migrations.";
    private const string PostgresResourcePrefix = "ThiDua.Storage.PostgresMigrations.";

    /// <summary>
    /// PostgreSQL starts at SQLite's schema 10 in one baseline script (Migrations/postgres/0010_baseline.sql):
    /// the same final schema as SQLite's 0001..0010, so a migration 0011 means the same change on both.
    /// </summary>
    public const int PostgresBaselineVersion = 10;

    private static readonly Lazy<IReadOnlyList<MigrationScript>> _sqlite = new(() => Load(typeof(MigrationScripts).Assembly));
    private static readonly Lazy<IReadOnlyList<MigrationScript>> _postgres =
        new(() => Load(typeof(MigrationScripts).Assembly, PostgresResourcePrefix, PostgresBaselineVersion));

    /// <summary>Every embedded SQLite migration, ordered by version, numbered 1..N without gaps.</summary>
    public static IReadOnlyList<MigrationScript> All => _sqlite.Value;

    /// <summary>Every embedded PostgreSQL migration, ordered by version, numbered from the baseline without gaps.</summary>
    public static IReadOnlyList<MigrationScript> Postgres => _postgres.Value;

    internal static IReadOnlyList<MigrationScript> Load(Assembly assembly) => Load(assembly, ResourcePrefix, 1);

    internal static IReadOnlyList<MigrationScript> Load(Assembly assembly, string resourcePrefix, int firstVersion)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[resourcePrefix.Length..];
            var underscore = name.IndexOf('_');
            if (underscore <= 0
                || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException(
                    $"Migration '{name}' must be named NNNN_description.sql (for example 0002_add_accounts.sql).");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be read.");
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((x, y) => x.Version.CompareTo(y.Version));

        // A gap or a duplicate number means two branches added migrations independently; applying
        // them in some arbitrary order would give different schemas on different machines.
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != firstVersion + i)
            {
                throw new InvalidOperationException(
                    $"Migrations must be numbered {firstVersion}..N without gaps or duplicates; found '{scripts[i].Name}' at position {i + 1}.");
            }
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded migrations found under {resourcePrefix}; the build lost Storage/Migrations/*.sql.");
        }

        return scripts;
    }
}
