using Microsoft.Extensions.Configuration;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Tests.Support;

/// <summary>Campaigns for tests: the shipped Cần Thơ 2024 settings, and a tiny one with round numbers.</summary>
internal static class TestCampaigns
{
    public static readonly DateOnly Start = new(2024, 1, 1);
    public static readonly DateOnly End = new(2024, 12, 31);
    public static readonly DateOnly Deadline = new(2024, 4, 15);

    /// <summary>The root appsettings.json, bound exactly as the dashboard binds it.</summary>
    public static CampaignRules CanTho()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        return configuration.GetSection("ThiDua:Campaign").Get<CampaignRules>()
            ?? throw new InvalidOperationException("ThiDua:Campaign is missing from appsettings.json");
    }

    /// <summary>
    /// One block "k" with one unbounded group "all" (one award slot), and content "x" worth 100
    /// points at full credit 100%, so a unit's score is exactly 100 × numerator ÷ denominator.
    /// </summary>
    public static CampaignRules Simple(int awardSlots = 1, params IndicatorRules[] extra) => new()
    {
        Name = "Thử nghiệm",
        PeriodStart = Start,
        PeriodEnd = End,
        RegistrationDeadline = Deadline,
        Blocks = [new BlockRules { Code = "k", Name = "Khối thử" }],
        Groups = [new GroupRules { Block = "k", Code = "all", Name = "Toàn khối", AwardSlots = awardSlots }],
        Indicators = [Content("x", 100m, 1m), .. extra],
    };

    public static IndicatorRules Content(string code, decimal maxPoints, decimal fullCreditAt,
        NothingArosePolicy whenNothingArose = NothingArosePolicy.Exclude, string block = "k", decimal? nq02 = null) => new()
    {
        Code = code,
        Name = "Nội dung " + code,
        MaxPoints = maxPoints,
        FullCreditAt = fullCreditAt,
        WhenNothingArose = whenNothingArose,
        AppliesTo = [block],
        Nq02MinRate = nq02,
    };

    public static UnitInfo Unit(string code, string? name = null, string block = "k", DateOnly? registeredOn = null) =>
        new(code, name ?? code, block, RegisteredOn: registeredOn ?? new DateOnly(2024, 3, 1));
}
