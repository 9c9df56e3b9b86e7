using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Storage;

/// <summary>An unknown provider would otherwise fall back to SQLite silently and split a cluster's data.</summary>
internal sealed class StorageOptionsValidation : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new OptionFailures(StorageOptions.SectionName);
        if (options.Canonical is null)
        {
            failures.Add(nameof(StorageOptions.Provider),
                $"Nơi lưu dữ liệu phải là '{StorageOptions.Sqlite}' (một tệp SQLite, mặc định) hoặc '{StorageOptions.Postgres}' (máy chủ PostgreSQL); "
                + $"không biết '{options.Provider}'.");
        }

        return failures.Result;
    }
}
