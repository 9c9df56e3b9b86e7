namespace ThiDua.Dashboard.Demo;

/// <summary>
/// Whether simulated figures are in the database, so every page can say "DỮ LIỆU MÔ PHỎNG".
/// Checked once at start-up (see <see cref="DemoRegistration.LoadDemoStateAsync"/>) and set
/// when the demo feed stores its first batch; demo figures are never removed, so it never goes back.
/// </summary>
public sealed class DemoState
{
    private volatile bool _isActive;

    public bool IsActive => _isActive;

    /// <summary>Records that figures from the demo are stored.</summary>
    public void MarkActive() => _isActive = true;
}
