using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// One compact bar per content that applies: filled by points of max, with the letter, the state in
/// words on hover (styles in app.css, <c>.thidua-bar*</c>).
/// </summary>
/// <remarks>
/// Written as one markup string, not as a component or elements: a board draws these in every row of
/// every open page, and each bar as elements is a dozen render-tree frames kept twice (current and
/// previous tree) per circuit, a component per row its own buffers and state on top. One string per
/// row is the same DOM for a fraction of that (measured: docs/performance.md, "Blazor circuits").
/// </remarks>
public static class ContentBars
{
    // Vietnamese letters stay as they are; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static MarkupString Markup(UnitScore score)
    {
        var applicable = score.Contents.Where(c => c.State != ContentState.NotApplicable).ToList();
        var html = new StringBuilder(160 + 200 * applicable.Count);
        html.Append("<span class=\"thidua-bars\" aria-label=\"").Append(Html.Encode(string.Join("; ", applicable.Select(Describe)))).Append("\">");
        foreach (var content in applicable)
        {
            html.Append("<span class=\"thidua-bar").Append(StateClass(content)).Append("\" title=\"").Append(Html.Encode(Describe(content)))
                .Append("\"><span class=\"thidua-bar-fill\" style=\"height:").Append(FillPercent(content))
                .Append("%\"></span><span class=\"thidua-bar-letter\">").Append(Html.Encode(Vi.ContentLetter(content.Indicator))).Append("</span></span>");
        }
        return new MarkupString(html.Append("</span>").ToString());
    }

    private static string StateClass(ContentScore content) => content.State switch
    {
        ContentState.NoData => " thidua-bar-nodata",
        ContentState.NothingArose => " thidua-bar-none",
        _ => "",
    };

    private static string FillPercent(ContentScore content) =>
        content.MaxPoints == 0 ? "0" : Math.Round(100m * content.Points / content.MaxPoints, 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The content's state in words, e.g. "c: 8,00/10 điểm (82,50%)".</summary>
    public static string Describe(ContentScore content)
    {
        var letter = Vi.ContentLetter(content.Indicator);
        return content.State switch
        {
            ContentState.NoData => $"{letter}: chưa có số liệu (0/{Vi.Number(content.MaxPoints, 0)} điểm)",
            ContentState.NothingArose => $"{letter}: không phát sinh ({Vi.Number(content.Points)}/{Vi.Number(content.Available)} điểm tính)",
            ContentState.NotApplicable => $"{letter}: không áp dụng",
            _ => $"{letter}: {Vi.Number(content.Points)}/{Vi.Number(content.MaxPoints, 0)} điểm ({Vi.Percent(content.Rate!.Value)})",
        };
    }
}
