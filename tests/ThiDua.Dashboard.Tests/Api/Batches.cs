using System.Net.Http.Json;
using System.Text.Json;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>Large valid batches for the size tests: every item a different (unit, indicator, asOf), so none is a duplicate.</summary>
internal static class Batches
{
    private static readonly string[] WardContents = ["c", "a", "b", "d", "dd", "g", "h", "i"];

    public static async Task<object[]> DistinctWardRatesAsync(HttpClient client, int count)
    {
        var units = (await client.GetFromJsonAsync<JsonElement>("api/v1/units")).EnumerateArray()
            .Where(u => u.GetProperty("block").GetString() == "phuong" && u.GetProperty("activeTo").ValueKind == JsonValueKind.Null)
            .Select(u => u.GetProperty("code").GetString()!).ToArray();
        var start = new DateOnly(2023, 12, 15);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var rest = i / units.Length;
            return (object)new
            {
                unit = units[i % units.Length],
                asOf = start.AddDays(rest % 365).ToString("yyyy-MM-dd"),
                indicator = WardContents[rest / 365 % WardContents.Length],
                numerator = i % 90,
                denominator = 100,
            };
        })];
    }
}
