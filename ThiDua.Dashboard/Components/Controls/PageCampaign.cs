using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// The campaign a page shows: its record as the catalog has it now (so a campaign closed since start is
/// seen closed) and its own services (engine, notifier, books…).
/// </summary>
/// <param name="IsChosen">True when the address chose it with <c>?chien-dich=</c>: links then carry the code on.</param>
public sealed record PageCampaign(CampaignRecord Record, CampaignServices Services, bool IsChosen)
{
    public string Code => Record.Code;

    public string Name => Record.Name;

    /// <summary>The code links carry on, null when the page shows the default campaign without being told to.</summary>
    public string? ChosenCode => IsChosen ? Record.Code : null;

    /// <summary>A closed campaign is read-only everywhere: pages that write say so and write nothing.</summary>
    public bool IsClosed => Record.IsClosed;

    public EngineHost Host => Services.Host;

    public LeaderboardNotifier Notifier => Services.Notifier;

    public T Get<T>() where T : notnull => Services.GetRequired<T>();
}
