using ThiDua.Scoring.Awards;

namespace ThiDua.Scoring.Rules;

/// <summary>
/// One campaign's rules as the operator writes them in <c>appsettings.json</c> (section
/// <c>ThiDua:Campaign</c>). Plain data: the campaign changes every year, the code does not.
/// </summary>
public sealed record CampaignRules
{
    /// <summary>
    /// The campaign's short code (e.g. <c>can-tho-2024</c>), which pages and the API name it by;
    /// empty in the settings section, required in a campaign file.
    /// </summary>
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>IANA zone in which "today" is a date, e.g. Asia/Ho_Chi_Minh.</summary>
    public string TimeZone { get; init; } = "Asia/Ho_Chi_Minh";

    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }

    /// <summary>Registrations recorded strictly before this date count ("trước ngày").</summary>
    public DateOnly RegistrationDeadline { get; init; }

    /// <summary>Movement is measured against the board this many days before the as-of date.</summary>
    public int ComparisonDays { get; init; } = 7;

    public IReadOnlyList<BlockRules> Blocks { get; init; } = [];

    /// <summary>Size groups, each naming its block; a group is a board of its own.</summary>
    public IReadOnlyList<GroupRules> Groups { get; init; } = [];

    public IReadOnlyList<IndicatorRules> Indicators { get; init; } = [];

    /// <summary>
    /// Indicator codes that order units with equal shown scores (by that content's shown points,
    /// higher first). Empty by default: the plan says nothing, so ties stay visible.
    /// </summary>
    public IReadOnlyList<string> TieBreakers { get; init; } = [];
}

public sealed record BlockRules
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>Awards a committee chooses for the block as a whole, never filled by rank.</summary>
    public IReadOnlyList<CommitteeSlotRules> CommitteeSlots { get; init; } = [];
}

/// <summary>
/// A size group by number of dossiers resolved. Bounds are optional and their inclusiveness is
/// explicit, because the plan's wording ("trên", "từ", "dưới") decides it.
/// </summary>
public sealed record GroupRules
{
    public string Block { get; init; } = "";
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public long? MinDossiers { get; init; }
    public bool MinInclusive { get; init; } = true;
    public long? MaxDossiers { get; init; }
    public bool MaxInclusive { get; init; }
    public int AwardSlots { get; init; }

    public bool IsUnbounded => MinDossiers is null && MaxDossiers is null;

    public bool Contains(long dossiers) =>
        (MinDossiers is not { } min || (MinInclusive ? dossiers >= min : dossiers > min))
        && (MaxDossiers is not { } max || (MaxInclusive ? dossiers <= max : dossiers < max));
}

public sealed record CommitteeSlotRules
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int Count { get; init; } = 1;

    /// <summary>
    /// The worst classification of the city on Bộ chỉ số 766 at which the slot may still be awarded
    /// (the plan: "tốt" or better); null when the slot has no such condition.
    /// </summary>
    public CityRating? MinCityRating { get; init; }
}

public enum NothingArosePolicy
{
    /// <summary>Left out of both earned and available points.</summary>
    Exclude,
    /// <summary>Counted as full points.</summary>
    Full,
    /// <summary>Counted as zero points out of the maximum.</summary>
    Zero,
}

public sealed record IndicatorRules
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public decimal MaxPoints { get; init; }

    /// <summary>Rate at which the content earns full points, a fraction in (0, 1].</summary>
    public decimal FullCreditAt { get; init; } = 1m;

    public NothingArosePolicy WhenNothingArose { get; init; } = NothingArosePolicy.Exclude;

    /// <summary>Block codes the content is scored in; other blocks see it as not applicable.</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    /// <summary>
    /// Minimum rate standing for the Nghị quyết 02 criterion of this content, a fraction in
    /// (0, 1]; null means the criterion is not applied.
    /// </summary>
    public decimal? Nq02MinRate { get; init; }
}
