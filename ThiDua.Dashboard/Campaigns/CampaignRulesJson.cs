using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>How a campaign's rules are kept in <c>campaigns.rules_json</c>: camelCase, enums as names.</summary>
internal static class CampaignRulesJson
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(CampaignRules rules) => JsonSerializer.Serialize(rules, _options);

    public static CampaignRules Read(string json) =>
        JsonSerializer.Deserialize<CampaignRules>(json, _options) ?? throw new InvalidOperationException("A campaign's stored rules are empty.");
}
