using System.Globalization;
using System.Text.Json;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// Reads the figures batch field by field, so a malformed item gets a precise message
/// (which item, which field) instead of a generic deserialisation failure.
/// </summary>
public static class FigureInputParser
{
    public static (List<Figure> Figures, List<ItemError> Errors) Parse(JsonElement body)
    {
        var figures = new List<Figure>();
        var errors = new List<ItemError>();
        if (body.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ItemError(-1, "", "Nội dung yêu cầu phải là một mảng JSON các số liệu."));
            return (figures, errors);
        }
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            var before = errors.Count;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ItemError(index++, "", "Mỗi phần tử phải là một đối tượng { unit, asOf, indicator, numerator, denominator }."));
                continue;
            }
            var unit = Text(item, "unit", index, errors, "Thiếu mã đơn vị.");
            var indicator = Text(item, "indicator", index, errors, "Thiếu mã chỉ tiêu.");
            var asOfText = Text(item, "asOf", index, errors, "Thiếu ngày số liệu (yyyy-MM-dd).");
            var asOf = default(DateOnly);
            if (asOfText is not null && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
                errors.Add(new ItemError(index, "asOf", $"Ngày số liệu “{asOfText}” phải có dạng yyyy-MM-dd."));
            var numerator = Count(item, "numerator", index, errors, required: true);
            var denominator = Count(item, "denominator", index, errors, required: false);
            if (errors.Count == before)
                figures.Add(new Figure(unit!, indicator!, asOf, numerator!.Value, denominator));
            else
                figures.Add(default); // keeps indexes aligned; the batch is refused anyway
            index++;
        }
        return (figures, errors);
    }

    private static string? Text(JsonElement item, string name, int index, List<ItemError> errors, string missing)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new ItemError(index, name, missing));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new ItemError(index, name, value.ValueKind == JsonValueKind.String ? missing : $"Trường {name} phải là chuỗi."));
            return null;
        }
        return value.GetString()!.Trim();
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
