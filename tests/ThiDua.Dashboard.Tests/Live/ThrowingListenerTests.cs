using System.Net;
using System.Net.Http.Json;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Tests.Standards;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>
/// Every change is heard one way, through the notifier, after the commit: a listener that throws
/// (a page whose circuit broke) neither fails the write that caused the push nor keeps the push from
/// the other listeners. Real app, real Kestrel, real SQLite file.
/// </summary>
public sealed class ThrowingListenerTests : StandardsHostTest
{
    /// <summary>A listener that always throws, and one that records what reached it.</summary>
    private (IDisposable Throwing, IDisposable Recording, TaskCompletionSource<LeaderboardUpdate> Heard) Listen(Func<LeaderboardUpdate, bool> wanted)
    {
        var notifier = Host.Get<LeaderboardNotifier>();
        var throwing = notifier.Subscribe(_ => throw new InvalidOperationException("the page's circuit is gone"));
        var heard = new TaskCompletionSource<LeaderboardUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        var recording = notifier.Subscribe(update =>
        {
            if (wanted(update)) heard.TrySetResult(update);
            return Task.CompletedTask;
        });
        return (throwing, recording, heard);
    }

    [Fact]
    public async Task PutCityRating_ListenerThrows_200AndOtherListenerHearsTheDecision()
    {
        // Arrange
        var (throwing, recording, heard) = Listen(u => u.DecisionsChanged);
        using var _ = throwing;
        using var __ = recording;
        using var script = Host.WithKey(AdminConfigKey);

        // Act
        using var response = await script.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "kha", source = "Cổng DVCQG" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(update.Boards);
        Assert.Equal("kha", (await Host.Anonymous().GetFromJsonAsync<System.Text.Json.JsonElement>("api/v1/campaign")).GetProperty("cityRating").GetString());
    }

    [Fact]
    public async Task PostProposalTransition_ListenerThrows_200AndOtherListenerHearsTheDecision()
    {
        // Arrange
        var (throwing, recording, heard) = Listen(u => u.DecisionsChanged);
        using var _ = throwing;
        using var __ = recording;
        using var script = Host.WithKey(AdminConfigKey);

        // Act: the first step of the review chain (the list is fixed)
        using var response = await script.PostAsJsonAsync("api/v1/awards/proposal/transitions", new { to = "selected", note = "Họp xét" });

        // Assert
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.True((await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).DecisionsChanged);
    }

    [Fact]
    public async Task PostFigures_ListenerThrows_2xxAndOtherListenerHearsTheBoard()
    {
        // Arrange
        var (throwing, recording, heard) = Listen(u => u.Boards.Count > 0);
        using var _ = throwing;
        using var __ = recording;
        using var client = Host.WithKey(AdminConfigKey);

        // Act
        using var response = await client.PostAsJsonAsync("api/v1/figures", new[]
        {
            new { unit = "p-an-hoa", indicator = "c", numerator = 70, denominator = 100, asOf = "2024-06-30" },
        });

        // Assert
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var update = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(update.DecisionsChanged);
    }
}
