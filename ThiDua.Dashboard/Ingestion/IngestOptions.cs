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
}
