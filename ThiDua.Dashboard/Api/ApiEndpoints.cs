using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Api;

/// <summary>The public HTTP API under /api/v1. Paths, fields and status codes are a contract.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapThiDuaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("ThiDua");

        api.MapGet("/campaign", async (EngineHost host, CampaignWarnings warnings, AwardBook awards, CancellationToken ct) =>
                TypedResults.Ok(CampaignApi.Describe(host.Rules, warnings, await awards.CityRatingAsync(ct))))
            .WithSummary("Đợt thi đua: thời gian, khối, nhóm, nội dung, cảnh báo quy định");

        api.MapGet("/units", (EngineHost host) => TypedResults.Ok(host.Engine.Units.Select(UnitDto.From).OrderBy(u => u.Code, StringComparer.Ordinal).ToList()))
            .WithSummary("Danh sách đơn vị");

        api.MapPost("/figures", PostFigures)
            .WithSummary("Gửi một lô số liệu (tất cả hoặc không)")
            .Accepts<List<FigureInput>>("application/json")
            .Produces<AcceptedDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AccessRegistration.WritePolicy)
            .DisableAntiforgery();

        api.MapPut("/units/{code}/registration", PutRegistration)
            .WithSummary("Ghi nhận ngày đăng ký thi đua của đơn vị")
            .Produces<UnitDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AccessRegistration.WritePolicy)
            .DisableAntiforgery();

        api.MapStandardsApi();

        api.MapGet("/units/{code}/figures", async (string code, EngineHost host, FigureRepository figures, CancellationToken ct) =>
        {
            if (host.Engine.Unit(code) is null) return Problems.UnitNotFound(code);
            var stored = await figures.ReadForUnitAsync(code, cancellationToken: ct);
            return TypedResults.Ok(new FigureHistoryDto(code, [.. stored.Select(f => new FigureRecordDto(
                f.Figure.Indicator, f.Figure.AsOf, f.Figure.Numerator, f.Figure.Denominator, f.Source, f.By, f.ReceivedAt))]));
        })
            .WithSummary("Lịch sử số liệu của đơn vị, mới nhận trước")
            .Produces<FigureHistoryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/leaderboards", (string? asOf, EngineHost host) =>
            AsOfQuery.TryResolve(asOf, host, out var date, out var problem)
                ? TypedResults.Ok(LeaderboardsDto.From(host.Engine.StandingsAsOf(date)))
                : problem!)
            .WithSummary("Mọi bảng xếp hạng tại một ngày số liệu")
            .Produces<LeaderboardsDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/units/{code}/score", (string code, string? asOf, EngineHost host) =>
        {
            if (!AsOfQuery.TryResolve(asOf, host, out var date, out var problem)) return problem!;
            return host.Engine.Report(code, date) is { } report ? TypedResults.Ok(UnitScoreDto.From(report)) : Problems.UnitNotFound(code);
        })
            .WithSummary("Điểm, hạng, chi tiết từng nội dung và mức cần đạt của một đơn vị")
            .Produces<UnitScoreDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/awards", async (string? asOf, EngineHost host, AwardBook awards, CancellationToken ct) =>
        {
            if (!AsOfQuery.TryResolve(asOf, host, out var date, out var problem)) return problem!;
            var proposal = await awards.ProposalAsync(date, ct);
            return TypedResults.Ok(new AwardsDto(proposal.AsOf, proposal.Version, [.. proposal.Slots.Select(AwardSlotDto.From)]));
        })
            .WithSummary("Đề xuất khen thưởng theo từng suất")
            .Produces<AwardsDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/healthz", async (EngineHost host, SqliteDatabase database, CancellationToken ct) =>
        {
            if (!host.IsLoaded) return Problems.Unavailable("Bộ máy xếp hạng chưa nạp xong số liệu.");
            try
            {
                await using var connection = await database.OpenAsync(ct);
                return TypedResults.Ok(new { status = "ok", version = host.Engine.Version });
            }
            catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                return Problems.Unavailable("Không mở được cơ sở dữ liệu.");
            }
        }).WithTags("ThiDua").WithSummary("Trạng thái: 200 khi cơ sở dữ liệu và bộ máy xếp hạng sẵn sàng, 503 nếu không");

        return app;
    }

    private static async Task<IResult> PostFigures(HttpRequest request, ApiKeys keys, FigureIngestion ingestion, CancellationToken ct)
    {
        if (await keys.AuthenticateAsync(request, ct) is not { } caller) return Problems.Unauthorized();
        if (await ReadJson(request, ct) is not { } body) return Problems.BadRequest("Dữ liệu gửi lên không hợp lệ", "Nội dung yêu cầu không phải JSON hợp lệ.");

        var (figures, errors) = FigureInputParser.Parse(body);
        if (errors.Count > 0) return Problems.BadRequest("Lô số liệu có lỗi, không lưu dòng nào", errors);

        IngestionResult result;
        try
        {
            result = await ingestion.SubmitAsync(figures, "api", caller.Writer(request.HttpContext), ct);
        }
        catch (UnitScopeException outside)
        {
            return AccessProblems.OutOfScope(outside.Units);
        }
        return result.IsAccepted
            ? TypedResults.Ok(new AcceptedDto(result.Accepted, result.Version))
            : Problems.BadRequest("Lô số liệu có lỗi, không lưu dòng nào", result.Errors.Select(e => new ItemError(e.Index, e.Field, e.Message)).ToList());
    }

    private static async Task<IResult> PutRegistration(string code, HttpRequest request, ApiKeys keys, EngineHost host, FigureIngestion ingestion, CancellationToken ct)
    {
        if (await keys.AuthenticateAsync(request, ct) is not { } caller) return Problems.Unauthorized();
        if (host.Engine.Unit(code) is null) return Problems.UnitNotFound(code);
        if (!caller.Scope.Allows(code)) return AccessProblems.OutOfScope([code]);
        if (await ReadJson(request, ct) is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("registeredOn", out var value))
            return Problems.BadRequest("Dữ liệu gửi lên không hợp lệ", "Gửi { \"registeredOn\": \"yyyy-MM-dd\" } hoặc { \"registeredOn\": null }.");

        DateOnly? registeredOn = null;
        if (value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out var date))
                return Problems.BadRequest("Dữ liệu gửi lên không hợp lệ", [new ItemError(0, "registeredOn", "Ngày đăng ký phải có dạng yyyy-MM-dd hoặc null.")]);
            registeredOn = date;
        }
        var unit = await ingestion.SetRegistrationAsync(code, registeredOn, "api", caller.Writer(request.HttpContext), ct);
        return unit is null ? Problems.UnitNotFound(code) : TypedResults.Ok(UnitDto.From(unit));
    }

    internal static async Task<JsonElement?> ReadJson(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One item of <c>POST /api/v1/figures</c>, as documented in the OpenAPI description.</summary>
public sealed record FigureInput(string Unit, DateOnly AsOf, string Indicator, long Numerator, long? Denominator);
