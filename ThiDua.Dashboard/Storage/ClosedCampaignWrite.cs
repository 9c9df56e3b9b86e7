using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// A write the database refused because its campaign is closed (the <c>*_campaign_open</c> triggers of
/// migration 0009, and their plpgsql twins in PostgreSQL's baseline). The API answers such writes 409 before they get here; a page's write reaches the
/// triggers, and its service answers this Vietnamese reason instead of letting the error escape as a 500.
/// </summary>
public static class ClosedCampaignWrite
{
    public const string Message = "Chiến dịch đã kết thúc: chỉ xem được, không ghi thêm số liệu, đăng ký, tiêu chí, đề cử, xếp loại hay thay đổi đơn vị.";

    /// <summary>True when <paramref name="error"/> is the closed-campaign trigger's refusal.</summary>
    public static bool Is(DbException error) => error switch
    {
        SqliteException { SqliteErrorCode: 19 } sqlite => sqlite.Message.Contains(TriggerMessage, StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.RestrictViolation } postgres => postgres.MessageText == TriggerMessage,
        _ => false,
    };

    /// <summary>What both providers' triggers raise.</summary>
    private const string TriggerMessage = "campaign closed: read-only";
}
