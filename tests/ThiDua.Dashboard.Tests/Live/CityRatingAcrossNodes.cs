using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Tests.Api;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>A committee decision made on one node and heard by another's pages: it raises no version, so only the decisions' own following carries it.</summary>
internal static class CityRatingAcrossNodes
{
    /// <summary>Decides the city's rating "tốt" on <paramref name="first"/> and waits, at most <paramref name="within"/>, until <paramref name="second"/>'s pages are told; answers the PUT's status.</summary>
    public static async Task<HttpStatusCode> DecideAndHearAsync(ApiHost first, ApiHost second, TimeSpan within)
    {
        var decided = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pages = second.Services.GetRequiredService<LeaderboardNotifier>().Subscribe(update =>
        {
            if (update.DecisionsChanged) decided.TrySetResult();
            return Task.CompletedTask;
        });
        using var put = await first.Writer.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = "Quyết định số 12/QĐ-UBND" });
        await decided.Task.WaitAsync(within);
        return put.StatusCode;
    }
}
