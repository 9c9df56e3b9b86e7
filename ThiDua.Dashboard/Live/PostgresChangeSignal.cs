using Npgsql;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// On PostgreSQL, the node's ear for the other nodes: one dedicated connection LISTENs on
/// <see cref="Channel"/>, where the database itself notifies every committed batch and committee decision
/// (the triggers at the end of the PostgreSQL baseline). Each notification wakes the
/// <see cref="VersionFollower"/>; so does every (re)connection, since notifications sent while the
/// connection was down are lost and the follower reads by version anyway. On SQLite it does nothing: the
/// follower's periodic check alone follows other processes on the same file.
/// </summary>
public sealed class PostgresChangeSignal(Database database, ILogger<PostgresChangeSignal> logger) : BackgroundService, IChangeSignal
{
    /// <summary>The channel the baseline's triggers notify: payload "campaign:version" or "campaign:decisions".</summary>
    public const string Channel = "thidua_changes";

    private static readonly TimeSpan _firstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan _longestRetry = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<Action<long?>> _listeners = [];

    public IDisposable Subscribe(Action<long?> changed)
    {
        lock (_gate) _listeners.Add(changed);
        return new Unsubscriber(this, changed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database is not PostgresDatabase postgres) return;
        var retry = _firstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await postgres.OpenListenerAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel};", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                logger.LogInformation("Listening for other nodes' commits on {Database}", postgres.Description);
                retry = _firstRetry;
                // Whatever was committed while this connection was away.
                Raise(null);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(exception, "Lost the connection that listens for other nodes' commits; trying again in {Delay}", retry);
                try { await Task.Delay(retry, stoppingToken); }
                catch (OperationCanceledException) { return; }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, _longestRetry.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        logger.LogDebug("Another node committed {Payload}", notification.Payload);
        Raise(VersionOf(notification.Payload));
    }

    /// <summary>The version of a "campaign:version" payload; null for "campaign:decisions" (or anything else).</summary>
    internal static long? VersionOf(string payload) =>
        long.TryParse(payload.AsSpan(payload.LastIndexOf(':') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version : null;

    private void Raise(long? version)
    {
        Action<long?>[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var listener in listeners)
        {
            // A listener must return at once (it only wakes the follower); one that throws must not deafen the others.
            try { listener(version); }
            catch (Exception exception) { logger.LogError(exception, "A change listener failed"); }
        }
    }

    private sealed class Unsubscriber(PostgresChangeSignal signal, Action<long?> changed) : IDisposable
    {
        public void Dispose()
        {
            lock (signal._gate) signal._listeners.Remove(changed);
        }
    }
}
