using Microsoft.Data.Sqlite;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// A write the database refused because its campaign is closed (the <c>*_campaign_open</c> triggers of
/// migration 0009). The API answers such writes 409 before they get here; a page's write reaches the
/// triggers, and its service answers this Vietnamese reason instead of letting the error escape as a 500.
/// </summary>
public static class ClosedCampaignWrite
{
    public const string Message = "Chiến dịch đã kết thúc: chỉ xem được, không ghi thêm số liệu, đăng ký, tiêu chí, đề cử, xếp loại hay thay đổi đơn vị.";

    /// <summary>True when <paramref name="error"/> is the closed-campaign trigger's refusal.</summary>
    public static bool Is(Exception error) =>
        error is SqliteException { SqliteErrorCode: 19 } sqlite && sqlite.Message.Contains("campaign closed: read-only", StringComparison.Ordinal);
}
