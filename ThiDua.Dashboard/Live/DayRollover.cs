using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// Keeps the live boards on today's date: the engine holds no clock, so once a minute this asks
/// whether the campaign's day has turned and, if so, moves the boards through the ingestion path.
/// </summary>
/// <remarks>With several campaigns (<paramref name="engines"/>), every campaign whose engine is in memory moves.</remarks>
public sealed class DayRollover(FigureIngestion ingestion, TimeProvider time, ILogger<DayRollover> logger, Campaigns.CampaignEngines? engines = null)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                IEnumerable<FigureIngestion> all = engines is null ? [ingestion] : engines.Loaded()
                    .Where(c => engines.Find(c.Campaign.Code) is { Status: Campaigns.CampaignStatus.Active }) // a closed campaign is read-only
                    .Select(c => c.GetRequired<FigureIngestion>());
                foreach (var each in all)
                    if (await each.MoveToTodayAsync(stoppingToken))
                        logger.LogInformation("Live boards moved to a new day");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Could not move the live boards to today; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
