using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Export;
using ThiDua.Dashboard.Import;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Registrations;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// One campaign's own instances of every service that speaks of a campaign (its engine, notifier,
/// ingestion path, repositories, award book…), made on first use with that campaign's key and rules;
/// everything else (the database, the audit trail, options, the clock) comes from the app's services.
/// So the same classes serve every campaign without knowing that there are several.
/// </summary>
public sealed class CampaignServices : IServiceProvider, IDisposable
{
    /// <summary>One instance per campaign.</summary>
    internal static readonly IReadOnlySet<Type> PerCampaign = new HashSet<Type>
    {
        typeof(EngineHost), typeof(LeaderboardNotifier), typeof(FigureIngestion), typeof(StandingsHistory),
        typeof(UnitRepository), typeof(FigureRepository), typeof(AwardRepository), typeof(RegistrationRepository),
        typeof(ProposalRepository), typeof(CityRatingRepository), typeof(MeetingRepository),
        typeof(AwardBook), typeof(ProposalWorkflow), typeof(RegistrationBook), typeof(DossierSource), typeof(MeetingBook),
        typeof(DossierService), typeof(ExportService), typeof(FigureHistoryQueries), typeof(CampaignClock),
    };

    /// <summary>A new instance per request (or per use outside a request), bound to the campaign.</summary>
    internal static readonly IReadOnlySet<Type> PerRequest = new HashSet<Type> { typeof(FigureImport) };

    /// <summary>Values of the campaign itself.</summary>
    internal static readonly IReadOnlySet<Type> Values = new HashSet<Type>
    {
        typeof(CampaignRecord), typeof(CampaignKey), typeof(IOptions<CampaignRules>), typeof(CampaignWarnings), typeof(ILeaderboardPublisher),
    };

    private readonly IServiceProvider _root;
    private readonly IOptions<CampaignRules> _rules;
    private readonly CampaignWarnings _warnings;
    private readonly Dictionary<Type, object> _made = [];
    private readonly object _gate = new();

    public CampaignServices(IServiceProvider root, CampaignRecord campaign)
    {
        _root = root;
        Campaign = campaign;
        _rules = Options.Create(campaign.Rules);
        _warnings = new CampaignWarnings(RulesValidator.Validate(campaign.Rules, CampaignRegistration.SectionName).Warnings);
    }

    /// <summary>The campaign as it was when these services were made (its status may have moved since; ask the registry).</summary>
    public CampaignRecord Campaign { get; }

    public EngineHost Host => GetRequired<EngineHost>();

    public LeaderboardNotifier Notifier => GetRequired<LeaderboardNotifier>();

    public static bool Owns(Type type) => PerCampaign.Contains(type) || PerRequest.Contains(type) || Values.Contains(type);

    public T GetRequired<T>() where T : notnull => (T)GetService(typeof(T))!;

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(CampaignRecord)) return Campaign;
        if (serviceType == typeof(CampaignKey)) return Campaign.Key;
        if (serviceType == typeof(IOptions<CampaignRules>)) return _rules;
        if (serviceType == typeof(CampaignWarnings)) return _warnings;
        if (serviceType == typeof(ILeaderboardPublisher)) return Notifier;
        if (PerCampaign.Contains(serviceType)) return Made(serviceType);
        if (PerRequest.Contains(serviceType)) return ActivatorUtilities.CreateInstance(this, serviceType);
        return _root.GetService(serviceType);
    }

    private object Made(Type serviceType)
    {
        // Monitor is re-entrant: making the award book makes the engine host inside the same lock.
        lock (_gate)
        {
            if (!_made.TryGetValue(serviceType, out var made))
            {
                made = ActivatorUtilities.CreateInstance(this, serviceType);
                _made[serviceType] = made;
            }
            return made;
        }
    }

    public void Dispose()
    {
        List<IDisposable> disposables;
        lock (_gate)
        {
            disposables = [.. _made.Values.OfType<IDisposable>()];
            _made.Clear();
        }
        foreach (var disposable in disposables) disposable.Dispose();
    }
}
