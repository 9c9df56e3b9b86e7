using System.Globalization;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Api;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Audit;

/// <summary>
/// <c>GET /api/v1/audit/verify</c> and <c>GET /api/v1/audit</c>: for a signed-in admin or an admin key
/// only (401 without credentials, 403 with others).
/// </summary>
public static class AuditEndpoints
{
    private const int DefaultLimit = 500;

    /// <summary>The most entries one answer holds (the trail's query clamps to the same bound).</summary>
    private const int MaxLimit = 10_000;

    private const string DateTitle = "Tham số ngày không hợp lệ";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("ThiDua").WithApiErrors();

        audit.MapGet("/verify", async (HttpContext context, ApiKeys keys, IAuditTrail trail, CancellationToken ct) =>
                await AdminAsync(context, keys) is { } refused ? refused : TypedResults.Ok(await trail.VerifyAsync(ct)))
            .WithName("verifyAudit")
            .WithSummary("Kiểm tra chuỗi băm của nhật ký thay đổi: valid, entries, firstBroken")
            .Produces<AuditVerification>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // Every parameter is bound as text and read here, so a malformed one is a 400 naming it, never the framework's error.
        audit.MapGet("", async (HttpContext context, string? actor, string? kind, string? from, string? to, string? limit, ApiKeys keys, IAuditTrail trail, CancellationToken ct) =>
            {
                if (await AdminAsync(context, keys) is { } refused) return refused;
                if (!TryDate(from, out var fromDate)) return BadDate("from", from!);
                if (!TryDate(to, out var toDate)) return BadDate("to", to!);
                if (fromDate > toDate)
                    return Problems.BadParameter("from", DateTitle, $"from ({fromDate:yyyy-MM-dd}) phải không sau to ({toDate:yyyy-MM-dd}).");
                if (!TryLimit(limit, out var count))
                    return Problems.BadParameter("limit", "Tham số limit không hợp lệ",
                        $"limit “{limit}” phải là số nguyên từ 1 đến {MaxLimit.ToString("N0", Vi.Culture)} (mặc định {DefaultLimit}).");
                return TypedResults.Ok(await trail.QueryAsync(new AuditQuery(actor, kind, fromDate, toDate, count), ct));
            })
            .WithName("listAudit")
            .WithSummary("Nhật ký thay đổi, mới nhất trước (lọc theo người, loại, khoảng ngày)")
            .Produces<IReadOnlyList<AuditEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <returns>Null for an admin (cookie or admin key), else the 401/403 answer.</returns>
    internal static async Task<IResult?> AdminAsync(HttpContext context, ApiKeys keys) =>
        (await ApiAccess.RequireAsync(context, keys, user => user.IsAdmin,
            "Chỉ quản trị viên (đăng nhập, hoặc khóa API quản trị) được xem nhật ký thay đổi.")).Refused;

    private static IResult BadDate(string parameter, string text) =>
        Problems.BadParameter(parameter, DateTitle, $"{parameter} “{text}” phải có dạng yyyy-MM-dd (ngày theo giờ UTC).");

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return false;
        date = value;
        return true;
    }

    private static bool TryLimit(string? text, out int limit)
    {
        limit = DefaultLimit;
        if (string.IsNullOrEmpty(text)) return true;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit;
    }
}
