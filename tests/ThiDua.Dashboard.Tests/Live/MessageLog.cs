using System.Text.Json;

namespace ThiDua.Dashboard.Tests.Live;

/// <summary>Every message a hub client received, in order, with a way to wait for one without polling.</summary>
internal sealed class MessageLog
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<JsonElement> _messages = [];
    private readonly List<(Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Found)> _waiters = [];

    public void Add(JsonElement message)
    {
        var copy = message.Clone();
        List<TaskCompletionSource<JsonElement>> found = [];
        lock (_lock)
        {
            _messages.Add(copy);
            foreach (var waiter in _waiters.Where(w => w.Match(copy)).ToList())
            {
                _waiters.Remove(waiter);
                found.Add(waiter.Found);
            }
        }
        foreach (var tcs in found) tcs.TrySetResult(copy);
    }

    public IReadOnlyList<JsonElement> Snapshot()
    {
        lock (_lock) return [.. _messages];
    }

    /// <summary>The first message, received already or later, that matches; fails after a generous timeout.</summary>
    public Task<JsonElement> WaitFor(Func<JsonElement, bool> match)
    {
        lock (_lock)
        {
            foreach (var message in _messages)
                if (match(message)) return Task.FromResult(message);
            var found = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(Timeout);
        }
    }

    public static bool IsBoard(JsonElement message, string block, string? group) =>
        message.GetProperty("block").GetString() == block && message.GetProperty("group").GetString() == group;

    public static long Version(JsonElement message) => message.GetProperty("version").GetInt64();
}
