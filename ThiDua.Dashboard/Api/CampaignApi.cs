using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Api;

public static class CampaignApi
{
    public static CampaignDto Describe(CampaignRules rules, CampaignWarnings warnings, CityRatingRecord? cityRating = null) => new(
        rules.Name, rules.TimeZone, rules.PeriodStart, rules.PeriodEnd, rules.RegistrationDeadline, rules.ComparisonDays, rules.TieBreakers,
        [.. rules.Blocks.Select(b => new BlockDto(b.Code, b.Name,
            [.. rules.Groups.Where(g => g.Block == b.Code).Select(g => new GroupDto(g.Code, g.Name, g.MinDossiers, g.MinInclusive, g.MaxDossiers, g.MaxInclusive, g.AwardSlots))],
            [.. b.CommitteeSlots.Select(s => new CommitteeSlotDto(s.Code, s.Name, s.Count, s.MinCityRating))]))],
        [.. rules.Indicators.Select(i => new IndicatorDto(i.Code, i.Name, i.MaxPoints, i.FullCreditAt, i.WhenNothingArose, i.AppliesTo, i.Nq02MinRate))],
        [.. warnings.Items.Select(w => new WarningDto(w.Code, w.Message, w.Key))],
        cityRating?.Rating, cityRating?.Source);
}
