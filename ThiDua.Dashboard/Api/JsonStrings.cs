using System.Text.Json;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// Reads the JSON strings a client sent. An escaped lone UTF-16 surrogate (<c>"\ud800"</c>) is valid
/// JSON but no .NET string: reading it throws, and that must be the client's 400, not a 500.
/// </summary>
public static class JsonStrings
{
    public static string Unreadable(string field) =>
        $"Trường {field} chứa ký tự không hợp lệ (nửa cặp thay thế UTF-16 đứng riêng); hãy gửi văn bản Unicode hợp lệ.";

    /// <summary>The string value, or null after adding the item error (and logging the detail) when it cannot be read.</summary>
    public static string? Read(JsonElement value, string field, int? index, ICollection<ItemError> errors, ILogger logger)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException unreadable)
        {
            Log(logger, unreadable, field, index);
            errors.Add(new ItemError(index, field, Unreadable(field)));
            return null;
        }
    }

    /// <summary>The answer is a short Vietnamese message; the log keeps what the reader said.</summary>
    public static void Log(ILogger logger, InvalidOperationException unreadable, string? field, int? index) =>
        logger.LogWarning(unreadable, "Refused API input: field {Field} of item {Index} is not valid UTF-16", field ?? "(tên trường)", index);
}
