namespace ThiDua.Dashboard.Ingestion;

/// <summary>Settings of <c>ThiDua:Ingest</c>: the API keys machines send figures with.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "ThiDua:Ingest";

    /// <summary>Keys from configuration, e.g. <c>ThiDua__Ingest__ApiKeys__0__Name</c> and <c>…__Key</c>.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Items one <c>POST /api/v1/figures</c> may hold; a longer batch is refused whole (400).</summary>
    public int MaxBatchItems { get; set; } = 50_000;

    /// <summary>
    /// Bytes one <c>POST /api/v1/figures</c> body may hold (16 MiB: 50,000 items with room to spare); the
    /// server stops reading there and answers 413, with or without a Content-Length. Imports keep their own limit.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 16L * 1024 * 1024;
}

public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>
    /// An admin key (default false): it may also set the City Office's records (NQ 02 assessments,
    /// the city's 766 rating) and read the audit trail, e.g. <c>ThiDua__Ingest__ApiKeys__1__Admin=true</c>.
    /// </summary>
    public bool Admin { get; set; }
}
