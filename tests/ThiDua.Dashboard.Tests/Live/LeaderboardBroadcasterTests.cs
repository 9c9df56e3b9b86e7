using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Live.Hub;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Ranking;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>The broadcaster against the real engine but a recording hub context, to make sends fail on purpose.</summary>
public sealed class LeaderboardBroadcasterTests
{
    private static readonly BoardKey Wards = new("phuong", "tu-1500-duoi-3500");
    private static readonly BoardKey Communes = new("xa", "tren-2000");

    [Fact]
    public async Task LeaderboardBroadcaster_OneBoardFailsToSend_LogsAndSendsTheOthers()
    {
        // Arrange
        await using var host = new HubHost();
        using var notifier = new LeaderboardNotifier(Options.Create(new LiveOptions()), TimeProvider.System, NullLogger<LeaderboardNotifier>.Instance);
        var client = new RecordingClient(failOn: Wards.Block);
        var logger = new RecordingLogger();
        using var broadcaster = new LeaderboardBroadcaster(notifier, host.Services.GetRequiredService<EngineHost>(), new RecordingHubContext(client), logger);
        await broadcaster.StartAsync(CancellationToken.None);

        // Act
        var error = Record.Exception(() => notifier.Publish(new ApplyResult(7, [Wards, Communes], [])));
        var sent = await client.Sent.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await broadcaster.StopAsync(CancellationToken.None);

        // Assert
        Assert.Null(error);
        Assert.Equal((Communes.Block, Communes.Group, 7L), (sent.Block, sent.Group, sent.Version));
        Assert.Contains(logger.Errors, e => e.Contains(Wards.Block, StringComparison.Ordinal));
        Assert.Equal(0, notifier.SubscriberCount);
    }

    private sealed class RecordingClient(string failOn) : ILeaderboardClient
    {
        public TaskCompletionSource<LeaderboardChangedDto> Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task LeaderboardChanged(LeaderboardChangedDto change)
        {
            if (change.Block == failOn) throw new InvalidOperationException("connection lost");
            Sent.TrySetResult(change);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingHubContext(ILeaderboardClient all) : IHubContext<LeaderboardHub, ILeaderboardClient>
    {
        public IHubClients<ILeaderboardClient> Clients { get; } = new AllOnly(all);
        public IGroupManager Groups => throw new NotSupportedException("The broadcaster only sends to all clients.");
    }

    private sealed class AllOnly(ILeaderboardClient all) : IHubClients<ILeaderboardClient>
    {
        public ILeaderboardClient All => all;
        public ILeaderboardClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public ILeaderboardClient Client(string connectionId) => throw new NotSupportedException();
        public ILeaderboardClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();
        public ILeaderboardClient Group(string groupName) => throw new NotSupportedException();
        public ILeaderboardClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();
        public ILeaderboardClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();
        public ILeaderboardClient User(string userId) => throw new NotSupportedException();
        public ILeaderboardClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class RecordingLogger : ILogger<LeaderboardBroadcaster>
    {
        private readonly List<string> _errors = [];

        public IReadOnlyList<string> Errors { get { lock (_errors) return [.. _errors]; } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
                lock (_errors) _errors.Add(formatter(state, exception));
        }
    }
}
