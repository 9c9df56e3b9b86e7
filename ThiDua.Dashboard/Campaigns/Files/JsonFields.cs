using System.Globalization;
using System.Text.Json;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// The fields of one JSON object of a campaign file, read by hand rather than by the serializer so that
/// every wrong field is reported (the serializer stops at the first) with a Vietnamese sentence and its
/// path. Names match case-insensitively, so a section copied from appsettings.json (PascalCase) reads too;
/// an absent field and a null one both take the default.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _values;
    private readonly string _path;
    private readonly Findings _findings;

    private JsonFields(Dictionary<string, JsonElement> values, string path, Findings findings)
    {
        _values = values;
        _path = path;
        _findings = findings;
    }

    /// <summary>The object at <paramref name="path"/>, its unknown and repeated fields reported; null when it is not an object.</summary>
    public static JsonFields? Of(JsonElement element, string path, IReadOnlyList<string> known, Findings findings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            findings.Error("type-object", path, "Giá trị phải là một đối tượng trong ngoặc nhọn { … }.");
            return null;
        }
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                findings.Error("field-unknown", Join(path, property.Name),
                    $"Trường “{Echo.Input(property.Name)}” không có trong định dạng tệp đợt thi đua; ở đây chỉ dùng: {string.Join(", ", known)}.");
            else if (!values.TryAdd(name, property.Value))
                findings.Error("field-duplicate", Join(path, name), $"Trường “{name}” được ghi hai lần.");
        }
        return new JsonFields(values, path, findings);
    }

    public string PathOf(string name) => Join(_path, name);

    /// <summary>True when the field is written with a value other than null.</summary>
    public bool Has(string name) => Value(name) is not null;

    public string String(string name) => NullableString(name) ?? "";

    public string? NullableString(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString()!.Trim();
        Error(name, "type-string", "Giá trị phải là chuỗi ký tự trong ngoặc kép.");
        return null;
    }

    public DateOnly Date(string name) => NullableDate(name) ?? default;

    public DateOnly? NullableDate(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(name, "date-format", $"“{Echo.Input(Raw(value))}” không phải ngày viết theo dạng yyyy-MM-dd trong ngoặc kép (ví dụ \"2024-12-14\").");
        return null;
    }

    public int Int(string name, int fallback)
    {
        if (Value(name) is not { } value) return fallback;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
        Error(name, "type-integer", $"“{Echo.Input(Raw(value))}” không phải số nguyên.");
        return fallback;
    }

    public long? NullableLong(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
        Error(name, "type-integer", $"“{Echo.Input(Raw(value))}” không phải số nguyên.");
        return null;
    }

    public decimal Decimal(string name, decimal fallback) => NullableDecimal(name) ?? fallback;

    public decimal? NullableDecimal(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return number;
        Error(name, "type-number", $"“{Echo.Input(Raw(value))}” không phải số; viết số không có ngoặc kép, phần thập phân sau dấu chấm (ví dụ 0.8).");
        return null;
    }

    public bool Bool(string name, bool fallback)
    {
        if (Value(name) is not { } value) return fallback;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Error(name, "type-boolean", $"“{Echo.Input(Raw(value))}” không hợp lệ; ghi true (có) hoặc false (không), không có ngoặc kép.");
        return fallback;
    }

    public TEnum Enum<TEnum>(string name, TEnum fallback) where TEnum : struct, Enum => NullableEnum<TEnum>(name) ?? fallback;

    public TEnum? NullableEnum<TEnum>(string name) where TEnum : struct, Enum
    {
        if (Value(name) is not { } value) return null;
        // Names only: a number would bind to whatever member has that value, or to none.
        if (value.ValueKind == JsonValueKind.String
            && System.Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } member)
            return System.Enum.Parse<TEnum>(member);
        Error(name, "enum-unknown", $"“{Echo.Input(Raw(value))}” không hợp lệ; chọn một trong: {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    /// <summary>The items of a list with their paths; empty when absent or not a list.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)> Array(string name)
    {
        if (Value(name) is not { } value) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(name, "type-array", "Giá trị phải là một danh sách trong ngoặc vuông [ … ].");
            return [];
        }
        var path = PathOf(name);
        return [.. value.EnumerateArray().Select((item, i) => (item, $"{path}[{i}]"))];
    }

    /// <summary>A list of objects, each read by <paramref name="read"/>; an item that is not an object is reported and left out.</summary>
    public List<T> Objects<T>(string name, IReadOnlyList<string> known, Func<JsonFields, T> read)
    {
        var items = new List<T>();
        foreach (var (item, path) in Array(name))
            if (Of(item, path, known, _findings) is { } fields)
                items.Add(read(fields));
        return items;
    }

    /// <summary>A list of texts (codes); an item that is not text is reported and left out.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var texts = new List<string>();
        foreach (var (item, path) in Array(name))
        {
            if (item.ValueKind == JsonValueKind.String) texts.Add(item.GetString()!.Trim());
            else _findings.Error("type-string", path, "Giá trị phải là chuỗi ký tự trong ngoặc kép.");
        }
        return texts;
    }

    private JsonElement? Value(string name) =>
        _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private void Error(string name, string code, string message) => _findings.Error(code, PathOf(name), message);

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
