using Bunit;
using ThiDua.Dashboard.Tests.Components;
using Pages = ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Dossier;

/// <summary>
/// /khen-thuong shows the campaign's dossier deadline (for the settings' campaign, ThiDua:Campaign:DossierDeadline)
/// with the days left or "quá hạn", against the app's (fake) clock, which stands at 27/11/2026 (UTC+7).
/// </summary>
public abstract class DossierDeadlinePageTest(IReadOnlyDictionary<string, string?> settings) : PageTestContext(settings)
{
    protected string DeadlineText()
    {
        Navigation.NavigateTo("/khen-thuong");
        var page = RenderPage<Pages.Awards>(_ => { });
        return Text(page.Find("[data-testid=dossier-deadline]"));
    }

    protected static IReadOnlyDictionary<string, string?> Deadline(string? date) =>
        date is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["ThiDua:Campaign:DossierDeadline"] = date };
}

public sealed class DossierDeadlinePageTests() : DossierDeadlinePageTest(Deadline(null))
{
    [Fact]
    public void Awards_ClockAfterTheSettingsDeadline_SaysQuaHan()
    {
        // The settings file's deadline is 15/01/2025.
        Assert.Equal("Hồ sơ đề nghị khen thưởng gửi trước ngày 15/01/2025: quá hạn.", DeadlineText());
    }
}

public sealed class DossierDeadlineAheadPageTests() : DossierDeadlinePageTest(Deadline("2026-11-30"))
{
    [Fact]
    public void Awards_DeadlineThreeDaysAhead_SaysDaysLeft()
    {
        // The fake clock cannot go back to 2025, so the setting moves the deadline to three days after its today.
        Assert.Equal("Hồ sơ đề nghị khen thưởng gửi trước ngày 30/11/2026: còn 3 ngày.", DeadlineText());
    }
}

public sealed class DossierDeadlineTodayPageTests() : DossierDeadlinePageTest(Deadline("2026-11-27"))
{
    [Fact]
    public void Awards_DeadlineIsToday_SaysQuaHanBecauseItIsStrictlyBefore()
    {
        Assert.Equal("Hồ sơ đề nghị khen thưởng gửi trước ngày 27/11/2026: quá hạn.", DeadlineText());
    }
}
