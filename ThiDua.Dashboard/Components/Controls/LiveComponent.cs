using System.Globalization;
using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// Base of every page that shows boards: resolves the as-of date from <c>?ngay=</c> (default the
/// latest), and while it shows the latest date, re-reads and re-renders when the notifier says a
/// board it shows has changed or the committee has decided. A page at a past date never changes
/// under the reader's eyes (unless it shows the decisions themselves: <see cref="FollowsDecisionsInThePast"/>).
/// </summary>
public abstract class LiveComponent : LiveListener
{
    /// <summary>The shown campaign's engine.</summary>
    protected EngineHost Host => Campaign.Host;

    /// <summary>
    /// Whether the page re-reads when the City Office decides (a nomination, the city's 766 rating)
    /// at a past date too: decisions are not dated, so a page that shows them shows the current ones.
    /// At the latest date every page follows them: who holds an award changes without any board changing.
    /// </summary>
    protected virtual bool FollowsDecisionsInThePast => false;

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

        Listen(!IsPast || FollowsDecisionsInThePast);
        Load();
        await LoadAsync();
    }

    /// <summary>An internal link carrying the page's past date and chosen campaign (the one place links are written).</summary>
    protected string PageHref(string path) => Link(path, IsPast ? AsOf : null);

    /// <summary>The block page showing a board, with the page's past date and chosen campaign.</summary>
    protected string BoardHref(ThiDua.Scoring.Ranking.BoardKey key) => BoardAddress.Href(key, IsPast ? AsOf : null, Campaign.ChosenCode);

    /// <summary>Reads what the page shows for <see cref="AsOf"/>; called on parameters and on live updates.</summary>
    protected virtual void Load()
    {
    }

    /// <summary>Reads what needs I/O (e.g. stored figure history); called after <see cref="Load"/>.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Whether a change of boards or units concerns what this page shows; by default every one does.</summary>
    protected virtual bool Concerns(LeaderboardUpdate update) => true;

    protected sealed override bool Wants(LeaderboardUpdate update) =>
        (update.DecisionsChanged && (!IsPast || FollowsDecisionsInThePast))
        || (!IsPast && (update.Boards.Count > 0 || update.UnitsChanged) && Concerns(update));

    protected sealed override async Task OnLiveUpdateAsync(LeaderboardUpdate update)
    {
        Load();
        await LoadAsync();
        StateHasChanged();
    }
}
