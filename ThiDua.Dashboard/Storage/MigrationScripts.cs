using System.Globalization;
using System.Reflection;

namespace ThiDua.Dashboard.Storage;

/// <summary>One numbered schema migration, embedded from <c>Storage/Migrations/NNNN_name.sql</c>.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql);

internal static class MigrationScripts
{
    // Matches the LogicalName given to the EmbeddedResource items in ThiDua.Dashboard.csproj.
    private const string ResourcePrefix = "ThiDua.Storage.Migrations.";

    private static readonly Lazy<IReadOnlyList<MigrationScript>> _all = new(() => Load(typeof(MigrationScripts).Assembly));

    /// <summary>Every embedded migration, ordered by version, numbered 1..N without gaps.</summary>
    public static IReadOnlyList<MigrationScript> All => _all.Value;

    internal static IReadOnlyList<MigrationScript> Load(Assembly assembly)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..];
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
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations must be numbered 1..N without gaps or duplicates; found '{scripts[i].Name}' at position {i + 1}.");
            }
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("No embedded migrations found; the build lost Storage/Migrations/*.sql.");
        }

        return scripts;
    }
}
