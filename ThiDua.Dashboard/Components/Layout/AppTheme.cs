using MudBlazor;

namespace ThiDua.Dashboard.Components.Layout;

/// <summary>
/// The one MudBlazor theme of every layout (main and presenter), so a colour fixed for legibility is
/// fixed everywhere.
/// </summary>
/// <remarks>
/// MudBlazor's default status colours are too light for text: its green chip on white is 2.2:1, its
/// orange alert text 2.9:1 and its blue one 3.8:1. These darker shades keep every text at 4.5:1 or
/// more (WCAG AA) on white and on the alerts' tinted backgrounds, and they still read as green,
/// orange, blue and red.
/// </remarks>
public static class AppTheme
{
    // Roboto is MudBlazor's default but there is no web font here (no internet, no Google link):
    // the system sans fonts carry the Vietnamese diacritics.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            AppbarBackground = "#b71c1c",
            Success = "#2e7d32",
            Info = "#1565c0",
            Warning = "#b34700",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark { Primary = "#ef9a9a" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Noto Sans", "DejaVu Sans", "Arial", "sans-serif"] },
        },
    };
}
