using System.Globalization;
using System.Text.Json;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// Reads the figures batch field by field, so a malformed item gets a precise message
/// (which item, which field) instead of a generic deserialisation failure. A body that is not a
/// batch at all gets one error whose index and field are null.
/// </summary>
public static class FigureInputParser
{
    public const string NotJson = "Nội dung yêu cầu không phải JSON hợp lệ.";

    public static (List<Figure> Figures, List<ItemError> Errors) Parse(JsonElement body, int maxItems, ILogger logger)
    {
        var figures = new List<Figure>();
        if (WholeBodyError(body, maxItems) is { } wholeBody) return (figures, [ItemError.WholeBody(wholeBody)]);

        var errors = new List<ItemError>();
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            var before = errors.Count;
            Figure figure = default;
            try
            {
                figure = Item(item, index, errors, logger);
            }
            catch (InvalidOperationException unreadable)
            {
                // A property name with a lone surrogate: the lookup itself cannot read the item.
                JsonStrings.Log(logger, unreadable, null, index);
                errors.Add(new ItemError(index, null, "Phần tử có tên trường chứa ký tự không hợp lệ (nửa cặp thay thế UTF-16 đứng riêng)."));
            }
            // A refused item keeps its place (as default) so the indexes stay aligned; the batch is refused anyway.
            figures.Add(errors.Count == before ? figure : default);
            index++;
        }
        return (figures, errors);
    }

    /// <summary>
    /// An error at every later item with the (unit, indicator, asOf) of an earlier one: which of two
    /// figures for one key counts would depend on their order. Items that could not be read are skipped.
    /// </summary>
    public static List<ItemError> Duplicates(IReadOnlyList<Figure> figures)
    {
        var errors = new List<ItemError>();
        var firstIndexOf = new Dictionary<(string Unit, string Indicator, DateOnly AsOf), int>();
        for (var index = 0; index < figures.Count; index++)
        {
            var figure = figures[index];
            if (figure.Unit is null || firstIndexOf.TryAdd((figure.Unit, figure.Indicator, figure.AsOf), index)) continue;
            errors.Add(new ItemError(index, null,
                $"Trùng với phần tử {firstIndexOf[(figure.Unit, figure.Indicator, figure.AsOf)]}: cùng đơn vị “{Echo.Input(figure.Unit)}”, chỉ tiêu “{Echo.Input(figure.Indicator)}” và ngày số liệu {figure.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; mỗi số liệu chỉ được gửi một lần trong một lô."));
        }
        return errors;
    }

    private static string? WholeBodyError(JsonElement body, int maxItems)
    {
        if (body.ValueKind != JsonValueKind.Array) return "Nội dung yêu cầu phải là một mảng JSON các số liệu.";
        var count = body.GetArrayLength();
        if (count == 0) return "Lô số liệu không có dòng nào.";
        return count > maxItems
            ? $"Lô số liệu có {Vi.Count(count)} dòng, nhiều hơn giới hạn {Vi.Count(maxItems)} dòng một lần gửi; hãy chia thành nhiều lô."
            : null;
    }

    private static Figure Item(JsonElement item, int index, List<ItemError> errors, ILogger logger)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ItemError(index, null, "Mỗi phần tử phải là một đối tượng { unit, asOf, indicator, numerator, denominator }."));
            return default;
        }
        var before = errors.Count;
        var unit = Text(item, "unit", index, errors, "Thiếu mã đơn vị.", logger);
        var indicator = Text(item, "indicator", index, errors, "Thiếu mã chỉ tiêu.", logger);
        var asOfText = Text(item, "asOf", index, errors, "Thiếu ngày số liệu (yyyy-MM-dd).", logger);
        var asOf = default(DateOnly);
        if (asOfText is not null && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            errors.Add(new ItemError(index, "asOf", $"Ngày số liệu “{Echo.Input(asOfText)}” phải có dạng yyyy-MM-dd."));
        var numerator = Count(item, "numerator", index, errors, required: true);
        var denominator = Count(item, "denominator", index, errors, required: false);
        return errors.Count == before ? new Figure(unit!, indicator!, asOf, numerator!.Value, denominator) : default;
    }

    private static string? Text(JsonElement item, string name, int index, List<ItemError> errors, string missing, ILogger logger)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new ItemError(index, name, missing));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ItemError(index, name, $"Trường {name} phải là chuỗi."));
            return null;
        }
        var before = errors.Count;
        var text = JsonStrings.Read(value, name, index, errors, logger);
        if (errors.Count > before) return null;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ItemError(index, name, missing));
            return null;
        }
        return text.Trim();
    }

    private static long? Count(JsonElement item, string name, int index, List<ItemError> errors, bool required)
    {
        var label = name == "numerator" ? "Tử số" : "Mẫu số";
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(new ItemError(index, name, $"Thiếu {label.ToLowerInvariant()}."));
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count)) return count;
        errors.Add(new ItemError(index, name, $"{label} phải là số nguyên."));
        return null;
    }
}
