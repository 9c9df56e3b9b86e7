using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Storage;

/// <summary>The embedded list of units written into an empty database at first start.</summary>
internal sealed record UnitSeed(string Description, IReadOnlyList<UnitInfo> Units)
{
    /// <summary>The seed of the first customer: Cần Thơ City, 2024.</summary>
    public const string CanTho2024 = "units-can-tho-2024.json";

    // Matches the LogicalName given to the EmbeddedResource items in ThiDua.Dashboard.csproj.
    private const string ResourcePrefix = "ThiDua.Storage.Seed.";

    // Strict on purpose: a misspelt key ("mergedInto" as "mergeInto") must fail the build's
    // tests, not quietly seed a unit without its merger.
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static UnitSeed Load(string fileName)
    {
        var assembly = typeof(UnitSeed).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The unit seed '{fileName}' is not embedded in {assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<UnitSeed>(stream, _options)
            ?? throw new InvalidOperationException($"The unit seed '{fileName}' is empty.");
    }
}
