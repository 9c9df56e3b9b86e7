using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Tests.Components;
using Pages = ThiDua.Dashboard.Components.Pages;

namespace ThiDua.Dashboard.Tests.Dossier;

/// <summary>/khen-thuong shows ThiDua:Campaign:DossierDeadline with the days left or "quá hạn", against the app's (fake) clock.</summary>
public sealed class DossierDeadlinePageTests : PageTestContext
{
    private string DeadlineText()
    {
        Navigation.NavigateTo("/khen-thuong");
        var page = RenderPage<Pages.Awards>(_ => { });
        return Text(page.Find("[data-testid=dossier-deadline]"));
    }

    [Fact]
    public void Awards_ClockAfterTheSettingsDeadline_SaysQuaHan()
    {
        // The fake clock stands at 27/11/2026; the settings file's deadline is 15/01/2025.
        Assert.Equal("Hồ sơ đề nghị khen thưởng gửi trước ngày 15/01/2025: quá hạn.", DeadlineText());
    }

    [Fact]
    public void Awards_DeadlineThreeDaysAhead_SaysDaysLeft()
    {
        // The fake clock cannot go back to 2025, so the deadline moves to three days after its today (27/11/2026, UTC+7).
        Services.GetRequiredService<IOptions<DossierDeadlineOptions>>().Value.DossierDeadline = new DateOnly(2026, 11, 30);

        Assert.Equal("Hồ sơ đề nghị khen thưởng gửi trước ngày 30/11/2026: còn 3 ngày.", DeadlineText());
    }

    [Fact]
    public void Awards_DeadlineIsToday_SaysQuaHanBecauseItIsStrictlyBefore()
    {
        Services.GetRequiredService<IOptions<DossierDeadlineOptions>>().Value.DossierDeadline = new DateOnly(2026, 11, 27);

        Assert.Equal("Hồ sơ đề nghị khen thưởng gửi trước ngày 27/11/2026: quá hạn.", DeadlineText());
    }
}
