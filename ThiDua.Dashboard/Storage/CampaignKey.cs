namespace ThiDua.Dashboard.Storage;

/// <summary>
/// Which campaign a repository reads and writes: every per-campaign table carries this id. Each
/// campaign's services get their own key (see Campaigns/CampaignServices); the one registered at the
/// root is the default campaign's, so code that knows nothing of campaigns keeps working on it.
/// </summary>
public sealed record CampaignKey(long Id)
{
    /// <summary>The campaign every database starts with (and that older data migrated into).</summary>
    public static CampaignKey First { get; } = new(1);
}
