using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Live;

/// <summary>
/// Keeps the live boards on today's date: the engine holds no clock, so once a minute this asks
/// whether the campaign's day has turned and, if so, moves the boards through the ingestion path.
/// </summary>
public sealed class DayRollover(FigureIngestion ingestion, TimeProvider time, ILogger<DayRollover> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                if (await ingestion.MoveToTodayAsync(stoppingToken))
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
