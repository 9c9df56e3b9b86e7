using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// The one way a component hears about changes, the layout's bar and every live page alike: a
/// subscription to the <see cref="LeaderboardNotifier"/>, which carries the boards, unit edits and
/// the committee's award decisions. The notifier is the shown campaign's own (<c>?chien-dich=</c>), so a
/// figure for another campaign never moves this page. The notifier calls back after the writer's commit and logs a
/// callback's failure instead of throwing it into the writer; here the work is moved onto the
/// component's renderer. Dispose releases the subscription.
/// </summary>
public abstract class LiveListener : CampaignComponent, IDisposable
{
    private IDisposable? _subscription;
    private LeaderboardNotifier? _listenedTo;

    /// <summary>The shown campaign's notifier.</summary>
    protected LeaderboardNotifier Notifier => Campaign.Notifier;

    /// <summary>
    /// Starts or stops listening; calling it again with the same value does nothing, unless the page now
    /// shows another campaign: then it listens to that campaign's notifier instead.
    /// </summary>
    protected void Listen(bool on)
    {
        if (on && _subscription is not null && ReferenceEquals(_listenedTo, Notifier)) return;
        _subscription?.Dispose();
        _subscription = null;
        _listenedTo = null;
        if (!on) return;
        _listenedTo = Notifier;
        _subscription = Notifier.Subscribe(OnPushAsync);
    }

    /// <summary>Whether a push concerns what this component shows; checked before any work is queued on the renderer.</summary>
    protected abstract bool Wants(LeaderboardUpdate update);

    /// <summary>Re-reads and re-renders after a push it <see cref="Wants"/>; runs on the component's renderer.</summary>
    protected abstract Task OnLiveUpdateAsync(LeaderboardUpdate update);

    private Task OnPushAsync(LeaderboardUpdate update) =>
        Wants(update) ? InvokeAsync(() => OnLiveUpdateAsync(update)) : Task.CompletedTask;

    public virtual void Dispose()
    {
        Listen(false);
        GC.SuppressFinalize(this);
    }
}
