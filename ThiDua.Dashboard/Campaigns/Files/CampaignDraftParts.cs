using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns.Files;

// The editable parts of a CampaignDraftForm, as mutable classes a page binds its inputs to.

public sealed class BlockForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<CommitteeSlotForm> CommitteeSlots { get; set; } = [];
}

public sealed class CommitteeSlotForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int Count { get; set; } = 1;
    public CityRating? MinCityRating { get; set; }
}

public sealed class GroupForm
{
    public string Block { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public long? MinDossiers { get; set; }
    public bool MinInclusive { get; set; } = true;
    public long? MaxDossiers { get; set; }
    public bool MaxInclusive { get; set; }
    public int AwardSlots { get; set; }
}

public sealed class IndicatorForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal? MaxPoints { get; set; }

    /// <summary>The rate at which the content earns full points, in percent (80 for 0.8), as the plan writes it.</summary>
    public decimal? FullCreditPercent { get; set; } = 100m;

    public NothingArosePolicy WhenNothingArose { get; set; } = NothingArosePolicy.Exclude;
    public List<string> AppliesTo { get; set; } = [];

    /// <summary>Carried over; not edited on the form.</summary>
    public decimal? Nq02MinRate { get; set; }
}

/// <summary>A message for one field of the form (<c>PeriodEnd</c>, <c>Groups[2].MinDossiers</c>) or a list (<c>Groups</c>).</summary>
public sealed record CampaignDraftMessage(string Field, string Message);

public sealed record CampaignDraftValidation(IReadOnlyList<CampaignDraftMessage> Errors, IReadOnlyList<CampaignDraftMessage> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors of one field, for the page to show under it.</summary>
    public IReadOnlyList<string> ErrorsFor(string field) => [.. Errors.Where(e => e.Field == field).Select(e => e.Message)];
}
