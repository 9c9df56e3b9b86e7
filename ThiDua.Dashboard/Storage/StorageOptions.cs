namespace ThiDua.Dashboard.Storage;

/// <summary><c>ThiDua:Storage</c>: which database holds the app's data.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "ThiDua:Storage";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>
    /// <c>sqlite</c> (the default: one file, <c>ConnectionStrings:ThiDua</c> is its path or a SQLite connection
    /// string) or <c>postgres</c> (<c>ConnectionStrings:ThiDua</c> is an Npgsql connection string; any number of nodes).
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The provider named, in its canonical spelling; null when it is none of the two.</summary>
    public string? Canonical => (Provider ?? "").Trim().ToLowerInvariant() switch
    {
        "" or Sqlite => Sqlite,
        Postgres => Postgres,
        _ => null,
    };
}
