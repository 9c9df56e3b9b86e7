namespace ThiDua.Dashboard.Storage;

/// <summary>
/// The database file was written by a newer build than this one. Opening it anyway could
/// silently misread or damage data, so start-up stops with a message an operator can act on.
/// </summary>
public sealed class SchemaVersionTooNewException : Exception
{
    public SchemaVersionTooNewException(string filePath, int databaseVersion, int newestKnownVersion)
        : base(
            $"Tệp cơ sở dữ liệu '{filePath}' có phiên bản lược đồ {databaseVersion}, mới hơn phiên bản "
            + $"{newestKnownVersion} mà bản ThiDua này hỗ trợ; hãy chạy bản ThiDua mới hơn hoặc chỉ tới tệp khác "
            + $"(ConnectionStrings:ThiDua). / The database file '{filePath}' has schema version {databaseVersion}, "
            + $"newer than {newestKnownVersion}, the newest this ThiDua build knows; run a newer build or point "
            + "ConnectionStrings:ThiDua at another file.")
    {
        FilePath = filePath;
        DatabaseVersion = databaseVersion;
        NewestKnownVersion = newestKnownVersion;
    }

    public string FilePath { get; }

    public int DatabaseVersion { get; }

    public int NewestKnownVersion { get; }
}
