using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Print;

public sealed partial class PrintPage
{
    [Inject] private ThiDua.Dashboard.Demo.DemoState Demo { get; set; } = default!;
    [Inject] private Microsoft.JSInterop.IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter, EditorRequired] public string Campaign { get; set; } = "";
    [Parameter] public DateOnly AsOf { get; set; }
    [Parameter] public string Generated { get; set; } = "";
    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <summary>The on-screen page this print view was opened from.</summary>
    [Parameter, EditorRequired] public string BackHref { get; set; } = "/";

    /// <summary>What the back link says, after its arrow: "Quay lại bảng xếp hạng".</summary>
    [Parameter, EditorRequired] public string BackText { get; set; } = "";

    /// <summary>
    /// The @page rules, with the title and date in the bottom margin of every printed page. Written
    /// as raw markup with CSS escapes: HTML encoding does not apply inside a style element, and
    /// the renderer would otherwise write the Vietnamese letters there as HTML entities.
    /// </summary>
    private string PageStyle => $$"""
        <style>
            @page {
                size: A4 landscape;
                margin: 12mm 10mm 14mm 10mm;
                @bottom-left { content: "{{CssString($"{Title} — số liệu tính đến ngày {Vi.Date(AsOf)}")}}"; font-size: 9pt; color: #555; font-family: {{MarginFont}}; }
                @bottom-right { content: "Trang " counter(page) " / " counter(pages); font-size: 9pt; color: #555; font-family: {{MarginFont}}; }
            }
        </style>
        """;

    /// <summary>The page's own sans font: the margin boxes would otherwise print in the browser's default serif.</summary>
    private const string MarginFont = "system-ui, \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif";

    /// <summary>The browser's print dialog; through the circuit, as the content security policy forbids inline handlers.</summary>
    private async Task PrintAsync() => await Microsoft.JSInterop.JSRuntimeExtensions.InvokeVoidAsync(JS, "print");

    /// <summary>Text as the inside of a CSS string: anything but plain letters, digits and a few marks is escaped.</summary>
    private static string CssString(string text)
    {
        var result = new StringBuilder(text.Length * 2);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is ' ' or '/' or '.' or ',' or '-'))
                result.Append((char)rune.Value);
            else
                // The space ends the escape and is consumed by it, so a real space after it survives.
                result.Append('\\').Append(rune.Value.ToString("X6", CultureInfo.InvariantCulture)).Append(' ');
        }
        return result.ToString();
    }
}
