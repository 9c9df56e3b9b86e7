namespace ThiDua.Dashboard.Configuration;

/// <summary>Logs the campaign warnings once when the host starts, where the operator looks first.</summary>
internal sealed class CampaignWarningsLogger(CampaignWarnings warnings, ILogger<CampaignWarningsLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warning in warnings.Items)
            logger.LogWarning("Campaign rules warning {Code} at {Key}: {Message}", warning.Code, warning.Key, warning.Message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
