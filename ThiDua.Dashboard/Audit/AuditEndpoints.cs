using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Api;

namespace ThiDua.Dashboard.Audit;

/// <summary>
/// <c>GET /api/v1/audit/verify</c> and <c>GET /api/v1/audit</c>: for a signed-in admin or an admin key
/// only (401 without credentials, 403 with others).
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("ThiDua");

        audit.MapGet("/verify", async (HttpContext context, ApiKeys keys, IAuditTrail trail, CancellationToken ct) =>
                await AdminAsync(context, keys) is { } refused ? refused : TypedResults.Ok(await trail.VerifyAsync(ct)))
            .WithSummary("Kiểm tra chuỗi băm của nhật ký thay đổi: valid, entries, firstBroken")
            .Produces<AuditVerification>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        audit.MapGet("", async (HttpContext context, string? actor, string? kind, string? from, string? to, int? limit, ApiKeys keys, IAuditTrail trail, CancellationToken ct) =>
            {
                if (await AdminAsync(context, keys) is { } refused) return refused;
                if (!TryDate(from, out var fromDate) || !TryDate(to, out var toDate))
                    return Problems.BadRequest("Tham số ngày không hợp lệ", "Dùng from và to dạng yyyy-MM-dd (ngày theo giờ UTC).");
                return TypedResults.Ok(await trail.QueryAsync(new AuditQuery(actor, kind, fromDate, toDate, limit ?? 500), ct));
            })
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

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", out var value)) return false;
        date = value;
        return true;
    }
}
