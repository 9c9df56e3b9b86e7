using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Tests.Live;

public sealed class LeaderboardNotifierTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly BoardKey Wards = new("phuong", "tu-1500-duoi-3500");
    private static readonly BoardKey Communes = new("xa", "tren-2000");
    private static readonly BoardKey Districts = new("quan-huyen", "toan-khoi");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 6, 30, 8, 0, 0, TimeSpan.FromHours(7)));
    private readonly LeaderboardNotifier _notifier;

    public LeaderboardNotifierTests() =>
        _notifier = new LeaderboardNotifier(
            Options.Create(new LiveOptions { CoalesceMilliseconds = (int)Interval.TotalMilliseconds }),
            _time, NullLogger<LeaderboardNotifier>.Instance);

    public void Dispose() => _notifier.Dispose();

    private static ApplyResult Changed(long version, params BoardKey[] boards) => new(version, boards, []);

    private List<LeaderboardUpdate> Listen()
    {
        var received = new List<LeaderboardUpdate>();
        _notifier.Subscribe(update =>
        {
            lock (received) received.Add(update);
            return Task.CompletedTask;
        });
        return received;
    }

    [Fact]
    public void Publish_LoneChange_PushesAtOnce()
    {
        // Arrange
        var received = Listen();

        // Act
        _notifier.Publish(Changed(1, Wards));

        // Assert: no time has passed on the fake clock, yet the push is out.
        var update = Assert.Single(received);
        Assert.Equal(1, update.Version);
        Assert.Equal([Wards], update.Boards);
    }

    [Fact]
    public void Publish_BurstOnOneBoard_FoldsIntoOneTrailingPushWithHighestVersion()
    {
        // Arrange
        var received = Listen();
        _notifier.Publish(Changed(1, Wards));

        // Act
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _notifier.Publish(Changed(2, Wards));
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _notifier.Publish(Changed(4, Wards));
        _notifier.Publish(Changed(3, Wards)); // a writer that published late must not lower the version
        _time.Advance(Interval - TimeSpan.FromMilliseconds(21));
        var beforeInterval = received.Count;
        _time.Advance(TimeSpan.FromMilliseconds(1));

        // Assert
        Assert.Equal(1, beforeInterval);
        Assert.Equal(2, received.Count);
        Assert.Equal(4, received[1].Version);
        Assert.Equal([Wards], received[1].Boards);
    }

    [Fact]
    public void Publish_ChangesOnOtherBoards_GoOutAtOnceNotBehindAnotherBoardsInterval()
    {
        // Arrange: the wards' board was just pushed.
        var received = Listen();
        _notifier.Publish(Changed(1, Wards));

        // Act
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _notifier.Publish(Changed(2, Communes));          // first change of the communes' board: at once
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _notifier.Publish(Changed(4, Wards, Districts));  // districts at once; wards owed at 100 ms
        _notifier.Publish(Changed(3, Communes));          // communes owed at 110 ms
        var atTwenty = received.Count;
        _time.Advance(TimeSpan.FromMilliseconds(80));     // 100 ms
        var atHundred = received.Count;
        _time.Advance(TimeSpan.FromMilliseconds(10));     // 110 ms

        // Assert: each board at most once per interval, every push with the highest version so far.
        Assert.Equal(3, atTwenty);
        Assert.Equal([Wards], received[0].Boards);
        Assert.Equal([Communes], received[1].Boards);
        Assert.Equal([Districts], received[2].Boards);
        Assert.Equal(4, atHundred);
        Assert.Equal([Wards], received[3].Boards);
        Assert.Equal(5, received.Count);
        Assert.Equal([Communes], received[4].Boards);
        Assert.Equal([1L, 2L, 4L, 4L, 4L], received.Select(u => u.Version));
    }

    [Fact]
    public void Publish_TrailingPushesDueTogether_FoldIntoOnePush()
    {
        // Arrange: two boards pushed at the same moment, then both changed again within the interval.
        var received = Listen();
        _notifier.Publish(Changed(1, Wards, Communes));
        _time.Advance(TimeSpan.FromMilliseconds(30));
        _notifier.Publish(Changed(2, Wards));
        _notifier.Publish(Changed(3, Communes));

        // Act
        _time.Advance(Interval);

        // Assert
        Assert.Equal(2, received.Count);
        Assert.Equal(new HashSet<BoardKey> { Wards, Communes }, received[1].Boards);
        Assert.Equal(3, received[1].Version);
    }

    [Fact]
    public void Publish_AfterQuietInterval_PushesAtOnceAgain()
    {
        // Arrange
        var received = Listen();
        _notifier.Publish(Changed(1, Wards));
        _time.Advance(TimeSpan.FromMilliseconds(30));
        _notifier.Publish(Changed(2, Wards));
        _time.Advance(Interval); // the trailing push goes out here
        _time.Advance(Interval); // then a quiet interval

        // Act
        _notifier.Publish(Changed(3, Communes));

        // Assert
        Assert.Equal([1L, 2L, 3L], received.Select(u => u.Version));
        Assert.Equal([Communes], received[2].Boards);
    }

    [Fact]
    public void Publish_NoChangedBoards_PushesNothing()
    {
        // Arrange
        var received = Listen();

        // Act
        _notifier.Publish(Changed(1));
        _time.Advance(Interval * 3);

        // Assert
        Assert.Empty(received);
    }

    [Fact]
    public void Publish_NoChangedBoards_DoesNotDelayTheNextChange()
    {
        // Arrange
        var received = Listen();
        _notifier.Publish(Changed(1));

        // Act
        _notifier.Publish(Changed(2, Wards));

        // Assert
        var update = Assert.Single(received);
        Assert.Equal(2, update.Version);
    }

    [Fact]
    public void Publish_UnitEditWithoutBoardChange_PushesAnUpdateThatSaysSo()
    {
        // Arrange
        var received = Listen();

        // Act: a registration changes no entry of any board, but it changes who may be proposed.
        _notifier.Publish(new ApplyResult(7, [], []) { UnitsChanged = true });

        // Assert
        var update = Assert.Single(received);
        Assert.True(update.UnitsChanged);
        Assert.Empty(update.Boards);
        Assert.Equal(7, update.Version);
    }

    [Fact]
    public void Subscription_Disposed_ReceivesNothing()
    {
        // Arrange
        var kept = Listen();
        var dropped = new List<LeaderboardUpdate>();
        var subscription = _notifier.Subscribe(update =>
        {
            dropped.Add(update);
            return Task.CompletedTask;
        });

        // Act
        subscription.Dispose();
        _notifier.Publish(Changed(1, Wards));
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _notifier.Publish(Changed(2, Communes));
        _time.Advance(Interval);

        // Assert
        Assert.Empty(dropped);
        Assert.Equal(2, kept.Count);
        Assert.Equal(1, _notifier.SubscriberCount);
    }

    [Fact]
    public async Task Publish_ThrowingSubscribers_OthersStillReceiveAndPublisherDoesNotThrow()
    {
        // Arrange
        var throwingSynchronously = 0;
        _notifier.Subscribe(_ =>
        {
            throwingSynchronously++;
            throw new InvalidOperationException("screen gone");
        });
        var faulting = new TaskCompletionSource();
        _notifier.Subscribe(async _ =>
        {
            await Task.Yield();
            faulting.TrySetResult();
            throw new InvalidOperationException("socket closed");
        });
        var received = Listen();

        // Act
        var error = Record.Exception(() => _notifier.Publish(Changed(1, Wards)));
        await faulting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(Interval);
        _notifier.Publish(Changed(2, Communes));

        // Assert: the failing subscribers stay subscribed and are tried again on the next push.
        Assert.Null(error);
        Assert.Equal([1L, 2L], received.Select(u => u.Version));
        Assert.Equal(2, throwingSynchronously);
        Assert.Equal(3, _notifier.SubscriberCount);
    }

    [Fact]
    public void Notifier_Disposed_PushesNothingMore()
    {
        // Arrange
        var received = Listen();
        _notifier.Publish(Changed(1, Wards));
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _notifier.Publish(Changed(2, Wards)); // a trailing push is now due

        // Act
        _notifier.Dispose();
        _time.Advance(Interval);
        _notifier.Publish(Changed(3, Wards));

        // Assert
        var only = Assert.Single(received);
        Assert.Equal(1, only.Version);
    }

    [Fact]
    public void PublishDecisions_TwoDecisionsInOneInterval_BothPushedAtOnceWithNoBoardAndTheCurrentVersion()
    {
        // Arrange
        var received = Listen();
        _notifier.Publish(Changed(4, Wards));

        // Act: no time passes between them on the fake clock
        _notifier.PublishDecisions();
        _notifier.PublishDecisions();

        // Assert: decisions are not paced behind the boards' interval, and carry no board.
        Assert.Equal([false, true, true], received.Select(u => u.DecisionsChanged));
        Assert.All(received.Skip(1), u => Assert.Empty(u.Boards));
        Assert.All(received, u => Assert.Equal(4, u.Version));
    }

    [Fact]
    public void PublishDecisions_SubscriberThrows_OthersStillReceiveAndPublisherDoesNotThrow()
    {
        // Arrange
        _notifier.Subscribe(_ => throw new InvalidOperationException("screen gone"));
        var received = Listen();

        // Act
        var error = Record.Exception(_notifier.PublishDecisions);

        // Assert
        Assert.Null(error);
        Assert.True(Assert.Single(received).DecisionsChanged);
    }
}
