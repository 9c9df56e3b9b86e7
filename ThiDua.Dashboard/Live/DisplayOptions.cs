namespace ThiDua.Dashboard.Live;

/// <summary>Settings of <c>ThiDua:Display</c>: how pages judge and present the data.</summary>
public sealed class DisplayOptions
{
    public const string SectionName = "ThiDua:Display";

    /// <summary>A unit that has not reported for more days than this is marked stale on every board.</summary>
    public int StaleAfterDays { get; set; } = 14;
}
