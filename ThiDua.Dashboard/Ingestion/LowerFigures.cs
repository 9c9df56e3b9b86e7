using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>
/// Figures are cumulative from the period start, so one below the unit's figure in effect for the same
/// content is most likely a slip (700 typed for 799) — or a correction. The form and the import's dry run
/// question it; nothing refuses it, since a correction is a new figure.
/// </summary>
public static class LowerFigures
{
    /// <summary>One warning per lower numerator or denominator, indexed like the batch, with the figure it is below.</summary>
    public static IReadOnlyList<FigureError> Find(LeaderboardEngine engine, IReadOnlyList<Figure> batch)
    {
        var warnings = new List<FigureError>();
        for (var i = 0; i < batch.Count; i++)
        {
            var figure = batch[i];
            if (string.IsNullOrEmpty(figure.Unit) || string.IsNullOrEmpty(figure.Indicator)) continue;
            if (engine.Reported(figure.Unit, figure.Indicator, figure.AsOf) is not { } before) continue;
            if (figure.Numerator < before.Numerator)
                warnings.Add(new FigureError(i, "numerator", Message(figure.IsDossiers ? "Số hồ sơ giải quyết" : "Tử số", figure.Numerator, before.Numerator, before.AsOf)));
            if (figure.Denominator is { } denominator && before.Denominator is { } previous && denominator < previous)
                warnings.Add(new FigureError(i, "denominator", Message("Mẫu số", denominator, previous, before.AsOf)));
        }
        return warnings;
    }

    private static string Message(string what, long value, long before, DateOnly on) =>
        $"{what} {Vi.Count(value)} thấp hơn số đã báo ngày {Vi.Date(on)} ({Vi.Count(before)}); số liệu lũy kế từ đầu đợt thường không giảm.";
}
