namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// Where a date stands against a campaign's dossier deadline (its rules' <c>DossierDeadline</c>, for the
/// settings' campaign <c>ThiDua:Campaign:DossierDeadline</c>): award dossiers must reach the proposing
/// office strictly before it (the plan: "trước ngày 15 tháng 01 năm 2025"), as the award page says it.
/// </summary>
public static class DossierDeadline
{
    /// <summary>Whole days from <paramref name="today"/> to the deadline; zero or less means too late ("trước ngày").</summary>
    public static int DaysLeft(DateOnly deadline, DateOnly today) => deadline.DayNumber - today.DayNumber;

    /// <summary>"còn 3 ngày" while there is still time; "quá hạn" on the deadline day and after.</summary>
    public static string Describe(DateOnly deadline, DateOnly today) =>
        DaysLeft(deadline, today) is var days and > 0 ? $"còn {days} ngày" : "quá hạn";
}
