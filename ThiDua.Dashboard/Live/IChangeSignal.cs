namespace ThiDua.Dashboard.Live;

/// <summary>
/// Tells this node that another node may have committed, so it reads the batches after its version now
/// rather than at its next periodic check (<see cref="VersionFollower"/>). A provider that can listen for
/// commits (PostgreSQL's LISTEN/NOTIFY) registers one and raises it on every notification and again each
/// time its listening connection comes back, since notifications sent while it was away are lost. SQLite
/// has none: the periodic check alone follows the other processes on the same file.
/// </summary>
public interface IChangeSignal
{
    /// <summary>
    /// Runs <paramref name="changed"/> on every signal (on any thread; it must return at once) with the version the
    /// notified batch raised, or null when the signal names none (a committee decision, a reconnection): then the
    /// follower checks everything. Dispose to stop.
    /// </summary>
    IDisposable Subscribe(Action<long?> changed);
}
