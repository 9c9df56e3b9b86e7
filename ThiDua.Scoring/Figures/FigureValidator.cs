using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Figures;

/// <summary>A bad item of a batch: its position, the field at fault (API field names) and a Vietnamese reason.</summary>
public sealed record FigureError(int Index, string Field, string Message);

/// <summary>
/// The one set of rules every way in (API, import, form) applies to figures, so a data officer
/// reads the same message wherever the figure came from.
/// </summary>
public static class FigureValidator
{
    /// <param name="today">When given, figures dated after it are refused.</param>
    public static IReadOnlyList<FigureError> Validate(Campaign campaign, Func<string, UnitInfo?> unitOf,
        IReadOnlyList<Figure> figures, DateOnly? today = null)
    {
        var errors = new List<FigureError>();
        for (var i = 0; i < figures.Count; i++) errors.AddRange(Validate(campaign, unitOf, figures[i], i, today));
        return errors;
    }

    public static IEnumerable<FigureError> Validate(Campaign campaign, Func<string, UnitInfo?> unitOf, Figure figure, int index, DateOnly? today = null)
    {
        var rules = campaign.Rules;
        var unit = string.IsNullOrWhiteSpace(figure.Unit) ? null : unitOf(figure.Unit);
        if (string.IsNullOrWhiteSpace(figure.Unit))
            yield return new(index, "unit", "Thiếu mã đơn vị.");
        else if (unit is null)
            yield return new(index, "unit", $"Không có đơn vị mã “{Echo.Input(figure.Unit)}”.");

        var indicator = figure.IsDossiers ? null : campaign.Indicator(figure.Indicator ?? "");
        if (string.IsNullOrWhiteSpace(figure.Indicator))
            yield return new(index, "indicator", "Thiếu mã chỉ tiêu.");
        else if (!figure.IsDossiers && indicator is null)
            yield return new(index, "indicator",
                $"Không có chỉ tiêu “{Echo.Input(figure.Indicator)}”; dùng một trong: {string.Join(", ", rules.Indicators.Select(x => x.Code))} hoặc {Figure.Dossiers} (số hồ sơ giải quyết).");
        else if (indicator is not null && unit is not null && !campaign.AppliesTo(indicator.Code, unit.Block))
            yield return new(index, "indicator",
                $"Nội dung {Vi.ContentLetter(indicator.Code)} không áp dụng cho khối “{campaign.Block(unit.Block)?.Name ?? unit.Block}”.");

        if (!campaign.IsInPeriod(figure.AsOf))
            yield return new(index, "asOf",
                $"Ngày số liệu {Vi.Date(figure.AsOf)} nằm ngoài đợt thi đua ({Vi.Date(rules.PeriodStart)} – {Vi.Date(rules.PeriodEnd)}).");
        else if (today is { } t && figure.AsOf > t)
            yield return new(index, "asOf", $"Ngày số liệu {Vi.Date(figure.AsOf)} ở tương lai (hôm nay là {Vi.Date(t)}).");
        else if (unit is not null && !unit.IsActiveOn(figure.AsOf))
            yield return new(index, "asOf", Inactive(unit, figure.AsOf, unitOf));

        if (figure.Numerator < 0)
            yield return new(index, "numerator", figure.IsDossiers ? "Số hồ sơ giải quyết không được âm." : "Tử số không được âm.");

        if (figure.IsDossiers)
        {
            if (figure.Denominator is not null)
                yield return new(index, "denominator", "Số hồ sơ giải quyết không có mẫu số; để trống trường này.");
        }
        else if (figure.Denominator is not { } denominator)
        {
            // Whether a denominator belongs depends on the content; for an unknown code its own error says what is wrong.
            if (indicator is not null) yield return new(index, "denominator", "Thiếu mẫu số.");
        }
        else if (denominator < 0)
            yield return new(index, "denominator", "Mẫu số không được âm.");
        else if (figure.Numerator > denominator)
            yield return new(index, "numerator", $"Tử số ({Vi.Count(figure.Numerator)}) lớn hơn mẫu số ({Vi.Count(denominator)}).");
    }

    private static string Inactive(UnitInfo unit, DateOnly date, Func<string, UnitInfo?> unitOf)
    {
        if (unit.ActiveFrom is { } from && date < from)
            return $"{unit.Name} chỉ hoạt động từ ngày {Vi.Date(from)}.";
        var merged = unit.MergedInto is { } code ? unitOf(code)?.Name ?? code : null;
        return merged is null
            ? $"{unit.Name} không còn hoạt động sau ngày {Vi.Date(unit.ActiveTo!.Value)}."
            : $"{unit.Name} đã sáp nhập vào {merged} sau ngày {Vi.Date(unit.ActiveTo!.Value)}; hãy báo cáo số liệu cho {merged}.";
    }
}
