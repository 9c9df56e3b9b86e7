namespace ThiDua.Dashboard.Audit;

/// <summary>The kinds of audit entries this app writes. New features add their own dotted names.</summary>
public static class AuditKinds
{
    public const string Figures = "figures.batch";
    public const string Import = "figures.import";
    public const string UnitRegistration = "unit.registration";
    public const string UnitRename = "unit.rename";
    public const string UnitActiveRange = "unit.active-range";
    public const string UnitStandard = "unit.standard";
    public const string RegistrationSubmit = "registration.submit";
    public const string RegistrationAccept = "registration.accept";
    public const string RegistrationReturn = "registration.return";
    public const string CityRating = "campaign.city-rating";
    public const string Nomination = "award.nomination";
    public const string AwardIndividual = "award.individual";
    public const string Proposal = "award.proposal";
    public const string Meeting = "award.meeting";
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserPassword = "user.password";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string SignOut = "sign-out";
    public const string KeyCreate = "key.create";
    public const string KeyRevoke = "key.revoke";
    public const string ScreenCreate = "screen.create";
    public const string ScreenRevoke = "screen.revoke";
    public const string CampaignCreate = "campaign.create";
    public const string CampaignCopy = "campaign.copy";
    public const string CampaignRules = "campaign.rules";
    public const string CampaignUnits = "campaign.units";
    public const string CampaignActivate = "campaign.activate";
    public const string CampaignClose = "campaign.close";
    public const string CampaignDefault = "campaign.default";

    /// <summary>Every kind above, for the filter on the admin page.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Figures, Import, UnitRegistration, UnitRename, UnitActiveRange, UnitStandard, RegistrationSubmit, RegistrationAccept, RegistrationReturn, CityRating, Nomination, AwardIndividual, Proposal, Meeting,
        UserCreate, UserUpdate, UserPassword, SignIn, SignInFailed, SignOut, KeyCreate, KeyRevoke,
        ScreenCreate, ScreenRevoke, CampaignCreate, CampaignCopy, CampaignRules, CampaignUnits, CampaignActivate, CampaignClose, CampaignDefault,
    ];

    /// <summary>The actor of changes nobody in particular made (start-up, day rollover).</summary>
    public const string SystemActor = "hệ thống";
}
