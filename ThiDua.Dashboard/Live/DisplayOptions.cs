namespace ThiDua.Dashboard.Live;

/// <summary>Settings of <c>ThiDua:Display</c>: how pages judge and present the data.</summary>
public sealed class DisplayOptions
{
    public const string SectionName = "ThiDua:Display";

    /// <summary>
    /// A unit whose last figure is more days old than this gets a neutral "chưa cập nhật N ngày" mark
    /// on the boards; 0 turns the mark off. The plan sets no reporting schedule: this is the page's
    /// setting, never a deadline, and nothing calls a unit late.
    /// </summary>
    public int StaleAfterDays { get; set; } = 14;
}
