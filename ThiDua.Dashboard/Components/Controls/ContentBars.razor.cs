using System.Globalization;
using Microsoft.AspNetCore.Components;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Controls;

public sealed partial class ContentBars
{
    [Parameter, EditorRequired] public UnitScore Score { get; set; } = default!;

    private string Summary => string.Join("; ", Score.Contents.Where(c => c.State != ContentState.NotApplicable).Select(Describe));

    private static string StateClass(ContentScore content) => content.State switch
    {
        ContentState.NoData => "thidua-bar-nodata",
        ContentState.NothingArose => "thidua-bar-none",
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
