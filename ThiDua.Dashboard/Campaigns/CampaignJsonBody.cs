using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// Reads a campaign as the API receives it: the rules' fields plus <c>units[]</c> (camelCase, enums by
/// name). A plain reader for the API; the campaign file reader (Campaigns/Files) is the strict one.
/// </summary>
internal static class CampaignJsonBody
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private sealed record UnitBody(
        string? Code, string? Name, string? Block, string? District, DateOnly? ActiveFrom, DateOnly? ActiveTo, IReadOnlyList<string>? Predecessors);

    private sealed record UnitsBody(IReadOnlyList<UnitBody>? Units);

    /// <summary>The definition, or a finding that says why the JSON cannot be read.</summary>
    public static (CampaignDefinition? Definition, CampaignFinding? Error) ReadDefinition(string json)
    {
        try
        {
            var rules = JsonSerializer.Deserialize<CampaignRules>(json, _options);
            var units = JsonSerializer.Deserialize<UnitsBody>(json, _options);
            if (rules is null || units is null) return (null, Unreadable("Gửi một đối tượng JSON: các trường của quy định và units[]."));
            return (new CampaignDefinition(rules, ToUnits(units.Units)), null);
        }
        catch (JsonException exception)
        {
            return (null, Unreadable(Describe(exception)));
        }
    }

    /// <summary>A unit list: <c>[ … ]</c> or <c>{ "units": [ … ] }</c>.</summary>
    public static (IReadOnlyList<CampaignUnit>? Units, CampaignFinding? Error) ReadUnits(string json)
    {
        try
        {
            var trimmed = json.TrimStart();
            var units = trimmed.StartsWith('[')
                ? JsonSerializer.Deserialize<List<UnitBody>>(json, _options)
                : JsonSerializer.Deserialize<UnitsBody>(json, _options)?.Units;
            return units is null ? (null, Unreadable("Gửi danh sách đơn vị: [ … ] hoặc { \"units\": [ … ] }.")) : (ToUnits(units), null);
        }
        catch (JsonException exception)
        {
            return (null, Unreadable(Describe(exception)));
        }
    }

    /// <summary>Rules alone (PUT …/rules).</summary>
    public static (CampaignRules? Rules, CampaignFinding? Error) ReadRules(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CampaignRules>(json, _options) is { } rules ? (rules, null) : (null, Unreadable("Gửi quy định dưới dạng một đối tượng JSON."));
        }
        catch (JsonException exception)
        {
            return (null, Unreadable(Describe(exception)));
        }
    }

    private static IReadOnlyList<CampaignUnit> ToUnits(IReadOnlyList<UnitBody>? units) =>
        [.. (units ?? []).Select(u => new CampaignUnit(u.Code?.Trim() ?? "", u.Name?.Trim() ?? "", u.Block?.Trim() ?? "",
            string.IsNullOrWhiteSpace(u.District) ? null : u.District.Trim(), u.ActiveFrom, u.ActiveTo,
            [.. (u.Predecessors ?? []).Select(p => p.Trim()).Where(p => p.Length > 0)]))];

    private static string Describe(JsonException exception) =>
        exception.Path is { Length: > 0 } path
            ? $"Không đọc được JSON tại {path} (dòng {exception.LineNumber + 1}): giá trị sai kiểu hoặc sai dạng (ngày viết yyyy-MM-dd)."
            : $"Không đọc được JSON (dòng {exception.LineNumber + 1}): kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.";

    private static CampaignFinding Unreadable(string message) => new("json", "", message);
}
