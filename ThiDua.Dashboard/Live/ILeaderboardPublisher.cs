using ThiDua.Scoring.Live;

namespace ThiDua.Dashboard.Live;

/// <summary>Where the ingestion path hands what the engine produced, after the commit.</summary>
public interface ILeaderboardPublisher
{
    void Publish(ApplyResult result);
}
