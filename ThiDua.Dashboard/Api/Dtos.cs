using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Explanations;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Api;

// The public API's shapes (camelCase JSON). They are a contract: add fields, never rename them.

public sealed record CampaignDto(
    string Name, string TimeZone, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly RegistrationDeadline,
    int ComparisonDays, IReadOnlyList<string> TieBreakers,
    IReadOnlyList<BlockDto> Blocks, IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<WarningDto> Warnings,
    CityRating? CityRating = null, string? CityRatingSource = null);

public sealed record BlockDto(string Code, string Name, IReadOnlyList<GroupDto> Groups, IReadOnlyList<CommitteeSlotDto> CommitteeSlots);

public sealed record GroupDto(string Code, string Name, long? MinDossiers, bool MinInclusive, long? MaxDossiers, bool MaxInclusive, int AwardSlots);

public sealed record CommitteeSlotDto(string Code, string Name, int Count, CityRating? MinCityRating = null);

public sealed record IndicatorDto(string Code, string Name, decimal MaxPoints, decimal FullCreditAt, NothingArosePolicy WhenNothingArose,
    IReadOnlyList<string> AppliesTo, decimal? Nq02MinRate);

public sealed record WarningDto(string Code, string Message, string Key);

public sealed record UnitDto(string Code, string Name, string Block, string? District, DateOnly? ActiveFrom, DateOnly? ActiveTo,
    string? MergedInto, DateOnly? RegisteredOn, Nq02Assessment? Nq02, string? Nq02Note)
{
    public static UnitDto From(UnitInfo u) => new(u.Code, u.Name, u.Block, u.District, u.ActiveFrom, u.ActiveTo, u.MergedInto, u.RegisteredOn, u.Nq02, u.Nq02Note);
}

public sealed record AcceptedDto(int Accepted, long Version);

public sealed record RegistrationDto(DateOnly? RegisteredOn);

public sealed record FigureHistoryDto(string Unit, IReadOnlyList<FigureRecordDto> Figures);

public sealed record FigureRecordDto(string Indicator, DateOnly AsOf, long Numerator, long? Denominator, string Source, string By, DateTimeOffset ReceivedAt);

public sealed record LeaderboardsDto(long Version, DateOnly AsOf, DateOnly? ComparisonDate, IReadOnlyList<BoardDto> Boards)
{
    public static LeaderboardsDto From(Standings standings) =>
        new(standings.Version, standings.AsOf, standings.ComparisonDate, [.. standings.Boards.Select(BoardDto.From)]);
}

public sealed record BoardDto(string Block, string? Group, string BlockName, string? GroupName, int AwardSlots, IReadOnlyList<EntryDto> Entries)
{
    public static BoardDto From(Board board) =>
        new(board.Key.Block, board.Key.Group, board.BlockName, board.GroupName, board.AwardSlots, [.. board.Entries.Select(EntryDto.From)]);
}

public sealed record EntryDto(int Rank, string Unit, string Name, decimal Score, bool Tied, int? PreviousRank, string? PreviousGroup, long? Dossiers)
{
    public static EntryDto From(BoardEntry e) => new(e.Rank, e.Unit, e.Name, e.Score, e.Tied, e.PreviousRank, e.PreviousGroup, e.Dossiers);
}

public sealed record UnitScoreDto(
    string Unit, string Block, string? Group, int? Rank, decimal Score, decimal Earned, decimal Available,
    bool Tied, DateOnly AsOf, DateOnly? LastReport, IReadOnlyList<ContentDto> Contents,
    TargetDto? ToPassAbove, TargetDto? ToReachAwardLine, IReadOnlyList<string> AwardIneligibility)
{
    public static UnitScoreDto From(UnitReport report) => new(
        report.Unit.Code, report.Unit.Block, report.Board?.Group, report.Entry?.Rank,
        ScoreMath.Shown(report.Score.Score), ScoreMath.Shown(report.Score.Earned), ScoreMath.Shown(report.Score.Available),
        report.Entry?.Tied ?? false, report.AsOf, report.Score.LastReport,
        [.. report.Score.Contents.Select(ContentDto.From)],
        TargetDto.From(report.ToPassAbove), TargetDto.From(report.ToReachAwardLine), report.AwardIneligibility);
}

public sealed record ContentDto(string Indicator, ContentState State, long? Numerator, long? Denominator, decimal? Rate, decimal Points, decimal MaxPoints)
{
    public static ContentDto From(ContentScore c) => new(c.Indicator, c.State, c.Numerator, c.Denominator,
        c.Rate is { } rate ? Math.Round(rate, 4, MidpointRounding.AwayFromZero) : null, ScoreMath.Shown(c.Points), c.MaxPoints);
}

/// <param name="Plan">Award line only: the fewest added dossiers in total, spread over contents; null when out of reach.</param>
public sealed record TargetDto(string Unit, string Name, decimal Score, IReadOnlyList<GapDto> ByContent, IReadOnlyList<PlanStepDto>? Plan)
{
    public static TargetDto? From(Target? target) => target is null ? null
        : new(target.Unit, target.Name, target.Score, [.. target.ByContent.Select(g => new GapDto(g.Indicator, g.Add, g.Reachable))],
            target.Plan is { } plan ? [.. plan.Select(s => new PlanStepDto(s.Indicator, s.Add))] : null);
}

public sealed record PlanStepDto(string Indicator, long Add);

public sealed record GapDto(string Indicator, long? Add, bool Reachable);

public sealed record AwardsDto(DateOnly AsOf, long Version, IReadOnlyList<AwardSlotDto> Slots);

public sealed record AwardSlotDto(string Block, string? Group, string? Code, string Name, AwardKind Kind, int Count, bool Tied,
    IReadOnlyList<ProposedDto> Proposed, IReadOnlyList<PassedOverDto> PassedOver, bool? ConditionMet, string? Condition)
{
    public static AwardSlotDto From(AwardSlot s) => new(s.Block, s.Group, s.Code, s.Name, s.Kind, s.Count, s.Tied,
        [.. s.Proposed.Select(p => new ProposedDto(p.Unit, p.Name, p.Rank, p.Score, p.StandardAssessed))],
        [.. s.PassedOver.Select(p => new PassedOverDto(p.Unit, p.Name, p.Rank, p.Score, p.Reasons))],
        s.Condition?.Met, s.Condition?.Text);
}

/// <param name="StandardAssessed">False while the City Office has not assessed the unit against Nghị quyết 02/NQ-CP.</param>
public sealed record ProposedDto(string Unit, string Name, int Rank, decimal Score, bool StandardAssessed);

public sealed record PassedOverDto(string Unit, string Name, int Rank, decimal Score, IReadOnlyList<string> Reasons);
