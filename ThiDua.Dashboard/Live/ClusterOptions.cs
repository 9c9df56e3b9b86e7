namespace ThiDua.Dashboard.Live;

/// <summary>Settings of <c>ThiDua:Cluster</c>: several nodes on one database.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "ThiDua:Cluster";

    /// <summary>
    /// How often a node reads the batches other nodes committed, besides when told (<see cref="IChangeSignal"/>):
    /// the longest a node lags behind the database when it hears nothing.
    /// </summary>
    public int CatchUpSeconds { get; set; } = 2;
}
