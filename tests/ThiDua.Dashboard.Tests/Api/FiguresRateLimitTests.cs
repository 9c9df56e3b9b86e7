using System.Net;
using ThiDua.Dashboard.Tests.Accounts;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>The per-key write limit holds for keys from the settings too, unless ThiDua:RateLimit:ExemptConfigKeys says otherwise.</summary>
public sealed class FiguresRateLimitTests : FiguresEdgeTest
{
    private static Dictionary<string, string?> Limits(bool? exemptConfigKeys = null)
    {
        var settings = new Dictionary<string, string?> { ["ThiDua:RateLimit:PermitLimit"] = "2", ["ThiDua:RateLimit:WindowSeconds"] = "60" };
        if (exemptConfigKeys is { } exempt) settings["ThiDua:RateLimit:ExemptConfigKeys"] = exempt ? "true" : "false";
        return settings;
    }

    [Fact]
    public async Task PostFigures_SettingsKeyWithTheShippedDefaults_IsLimited429AndTheThirdNotStored()
    {
        // Arrange: only the limit is lowered; ExemptConfigKeys stays as shipped.
        Start(Limits());
        var writer = Writer();
        for (var i = 0; i < 2; i++) (await AccessHost.PostFigures(writer, AccessHost.Rate("p-an-hoa", numerator: 800 + i))).EnsureSuccessStatusCode();

        // Act
        using var refused = await AccessHost.PostFigures(writer, AccessHost.Rate("p-an-hoa", numerator: 900));

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal(2, await Host.FigureCount());
    }

    [Fact]
    public async Task PostFigures_SettingsKeyWithExemptConfigKeysTrue_IsNotLimited()
    {
        // Arrange: what the load harness sets for its own runs.
        Start(Limits(exemptConfigKeys: true));
        var writer = Writer();

        // Act
        for (var i = 0; i < 3; i++) (await AccessHost.PostFigures(writer, AccessHost.Rate("p-an-hoa", numerator: 800 + i))).EnsureSuccessStatusCode();

        // Assert
        Assert.Equal(3, await Host.FigureCount());
    }
}
