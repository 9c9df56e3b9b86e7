using System.Globalization;
using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// Base of every page that shows boards: resolves the as-of date from <c>?ngay=</c> (default the
/// latest), and while it shows the latest date, re-reads and re-renders when the notifier says a
/// board it shows has changed. A page at a past date never changes under the reader's eyes.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private IDisposable? _decisions;

    [Inject] protected EngineHost Host { get; set; } = default!;
    [Inject] protected LeaderboardNotifier Notifier { get; set; } = default!;
    [Inject] private AwardBook AwardDecisions { get; set; } = default!;

    /// <summary>
    /// Whether the page re-reads when the City Office decides (a nomination, the city's 766 rating):
    /// who holds an award changes without any board changing. Pages that listen themselves opt out.
    /// </summary>
    protected virtual bool FollowsAwardDecisions => true;

    [SupplyParameterFromQuery(Name = "ngay")]
    public string? Ngay { get; set; }

    /// <summary>The date the page shows.</summary>
    protected DateOnly AsOf { get; private set; }

    /// <summary>True when the page shows a date other than the latest: live updates are off.</summary>
    protected bool IsPast { get; private set; }

    /// <summary>A Vietnamese message when <c>?ngay=</c> was unusable (then the latest date is shown).</summary>
    protected string? AsOfProblem { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        var latest = Host.DefaultAsOf();
        AsOfProblem = null;
        AsOf = latest;
        if (!string.IsNullOrWhiteSpace(Ngay))
        {
            if (!DateOnly.TryParseExact(Ngay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                AsOfProblem = $"Ngày “{Ngay}” không đúng dạng năm-tháng-ngày (ví dụ 2024-06-30); đang hiển thị số liệu mới nhất.";
            else if (!Host.Campaign.IsInPeriod(date))
                AsOfProblem = $"Ngày {Vi.Date(date)} nằm ngoài đợt thi đua ({Vi.Date(Host.Rules.PeriodStart)} – {Vi.Date(Host.Rules.PeriodEnd)}); đang hiển thị số liệu mới nhất.";
            else
                AsOf = date;
        }
        IsPast = AsOf != latest;

        if (IsPast) { _subscription?.Dispose(); _subscription = null; _decisions?.Dispose(); _decisions = null; }
        else
        {
            _subscription ??= Notifier.Subscribe(OnUpdateAsync);
            if (FollowsAwardDecisions) _decisions ??= AwardDecisions.OnChanged(() => _ = OnDecisionAsync());
        }
        Load();
        await LoadAsync();
    }

    /// <summary>Reads what the page shows for <see cref="AsOf"/>; called on parameters and on live updates.</summary>
    protected virtual void Load()
    {
    }

    /// <summary>Reads what needs I/O (e.g. stored figure history); called after <see cref="Load"/>.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Whether an update concerns what this page shows; by default every update does.</summary>
    protected virtual bool Concerns(LeaderboardUpdate update) => true;

    private Task OnUpdateAsync(LeaderboardUpdate update) =>
        IsPast || !Concerns(update) ? Task.CompletedTask : ReloadAsync();

    private Task OnDecisionAsync() => IsPast ? Task.CompletedTask : ReloadAsync();

    private Task ReloadAsync()
    {
        return InvokeAsync(async () =>
        {
            Load();
            await LoadAsync();
            StateHasChanged();
        });
    }

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        _decisions?.Dispose();
        _decisions = null;
        GC.SuppressFinalize(this);
    }
}
