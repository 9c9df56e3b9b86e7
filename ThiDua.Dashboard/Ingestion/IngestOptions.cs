namespace ThiDua.Dashboard.Ingestion;

/// <summary>Settings of <c>ThiDua:Ingest</c>: the API keys machines send figures with.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "ThiDua:Ingest";

    /// <summary>Keys from configuration, e.g. <c>ThiDua__Ingest__ApiKeys__0__Name</c> and <c>…__Key</c>.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
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
