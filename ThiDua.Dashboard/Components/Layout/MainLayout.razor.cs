using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Components.Layout;

public sealed partial class MainLayout
{
    // Roboto is MudBlazor's default but there is no web font here (no internet, no Google link):
    // the system sans fonts carry the Vietnamese diacritics.
    private static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#b71c1c", AppbarBackground = "#b71c1c" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif"] },
        },
    };

    [Inject]
    private IOptions<CampaignRules> Rules { get; set; } = default!;

    private string CampaignName => Rules.Value.Name;
}
