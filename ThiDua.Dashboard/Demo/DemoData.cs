using Dapper;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Demo;

/// <summary>What the database holds from the demo.</summary>
internal static class DemoData
{
    /// <summary>The source and author every simulated figure and registration is stored with.</summary>
    public const string Source = "demo";
    public const string By = "mô phỏng";

    /// <summary>
    /// Whether any of this campaign's stored figures came from the demo (another campaign's demo figures
    /// say nothing of this one, which may hold real figures). Asked of the batch log, which carries each
    /// batch's source and is far smaller than the figures table.
    /// </summary>
    public static async Task<bool> AnyFiguresAsync(Database database, CampaignKey campaign, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM batches WHERE campaign_id = @CampaignId AND source = @Source AND figure_count > 0);",
            new { CampaignId = campaign.Id, Source },
            cancellationToken: cancellationToken));
    }
}
