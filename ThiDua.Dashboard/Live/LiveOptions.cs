namespace ThiDua.Dashboard.Live;

/// <summary>Settings of <c>ThiDua:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "ThiDua:Live";

    /// <summary>At most one push per board per interval; a lone change still goes out at once.</summary>
    public int CoalesceMilliseconds { get; set; } = 100;
}
