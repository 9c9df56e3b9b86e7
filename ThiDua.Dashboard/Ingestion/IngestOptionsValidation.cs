using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Ingestion;

/// <summary>
/// The batch limits and the settings' API keys. A key without a name or a secret used to be skipped
/// silently, so a machine was refused with no hint why; two keys with one secret could not be told apart.
/// </summary>
internal sealed class IngestOptionsValidation : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new OptionFailures(IngestOptions.SectionName);
        failures.Range(nameof(IngestOptions.MaxBatchItems), options.MaxBatchItems, 1, int.MaxValue, "Số dòng tối đa của một lô số liệu");
        failures.Range(nameof(IngestOptions.MaxBodyBytes), options.MaxBodyBytes, 1, long.MaxValue, "Số byte tối đa của một lần gửi số liệu");
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var at = $"{nameof(IngestOptions.ApiKeys)}:{i}";
            failures.Required($"{at}:{nameof(ApiKeyOptions.Name)}", key.Name, "tên khóa API (ghi cùng mỗi số liệu khóa này gửi)");
            failures.Required($"{at}:{nameof(ApiKeyOptions.Key)}", key.Key, "chuỗi bí mật của khóa API");
            if (!string.IsNullOrWhiteSpace(key.Key) && !secrets.Add(key.Key))
                failures.Add($"{at}:{nameof(ApiKeyOptions.Key)}", "Chuỗi bí mật này trùng với một khóa API khác trong cấu hình; mỗi khóa phải có chuỗi riêng.");
        }
        return failures.Result;
    }
}
