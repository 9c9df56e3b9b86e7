using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>The shape every API error shares: the status, problem+json, and <c>errors[]</c> of <c>{ index, field, message }</c>.</summary>
internal static class ProblemAssert
{
    /// <summary>Asserts a problem+json answer with the status and returns its <c>errors[]</c>.</summary>
    public static async Task<IReadOnlyList<JsonElement>> Errors(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text[..Math.Min(500, text.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no errors[] in {text[..Math.Min(500, text.Length)]}");
        return [.. errors.EnumerateArray()];
    }

    /// <summary>Asserts exactly one error about the whole body (index and field JSON null) and returns its message.</summary>
    public static async Task<string> WholeBody(HttpResponseMessage response, HttpStatusCode status)
    {
        var errors = await Errors(response, status);
        var error = Assert.Single(errors);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("index").ValueKind);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("field").ValueKind);
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <summary>The engine version (it moves with every stored batch or unit edit).</summary>
    public static async Task<long> Version(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards")).GetProperty("version").GetInt64();
}
