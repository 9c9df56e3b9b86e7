using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Registrations;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>The public HTTP API under /api/v1. Paths, fields and status codes are a contract.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapThiDuaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("ThiDua").WithApiErrors();

        api.MapGet("/campaign", async (EngineHost host, CampaignWarnings warnings, AwardBook awards, CancellationToken ct) =>
                TypedResults.Ok(CampaignApi.Describe(host.Rules, warnings, await awards.CityRatingAsync(ct))))
            .WithName("getCampaign")
            .WithSummary("Đợt thi đua: thời gian, khối, nhóm, nội dung, cảnh báo quy định");

        api.MapGet("/units", (EngineHost host) => TypedResults.Ok(host.Engine.Units.Select(UnitDto.From).OrderBy(u => u.Code, StringComparer.Ordinal).ToList()))
            .WithName("listUnits")
            .WithSummary("Danh sách đơn vị");

        api.MapPost("/figures", PostFigures)
            .WithName("postFigures")
            .WithSummary("Gửi một lô số liệu (tất cả hoặc không)")
            .Accepts<List<FigureInput>>("application/json")
            .Produces<AcceptedDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AsWrite();

        api.MapPut("/units/{code}/registration", PutRegistration)
            .WithName("putUnitRegistration")
            .WithSummary("Ghi nhận ngày đăng ký thi đua của đơn vị")
            .Accepts<RegistrationInput>("application/json")
            .Produces<UnitDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AsWrite();

        api.MapStandardsApi();
        api.MapProposalApi();
        api.MapMeetingApi();

        api.MapGet("/units/{code}/figures", async (string code, EngineHost host, FigureRepository figures, CancellationToken ct) =>
        {
            if (host.Engine.Unit(code) is null) return Problems.UnitNotFound(code);
            var stored = await figures.ReadForUnitAsync(code, cancellationToken: ct);
            return TypedResults.Ok(new FigureHistoryDto(code, [.. stored.Select(f => new FigureRecordDto(
                f.Figure.Indicator, f.Figure.AsOf, f.Figure.Numerator, f.Figure.Denominator, f.Source, f.By, f.ReceivedAt))]));
        })
            .WithName("getUnitFigures")
            .WithSummary("Lịch sử số liệu của đơn vị, mới nhận trước")
            .Produces<FigureHistoryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/leaderboards", (string? asOf, EngineHost host) =>
            AsOfQuery.TryResolve(asOf, host, out var date, out var problem)
                ? TypedResults.Ok(LeaderboardsDto.From(host.Engine.StandingsAsOf(date)))
                : problem!)
            .WithName("getLeaderboards")
            .WithSummary("Mọi bảng xếp hạng tại một ngày số liệu")
            .Produces<LeaderboardsDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/units/{code}/score", (string code, string? asOf, EngineHost host) =>
        {
            if (!AsOfQuery.TryResolve(asOf, host, out var date, out var problem)) return problem!;
            return host.Engine.Report(code, date) is { } report ? TypedResults.Ok(UnitScoreDto.From(report)) : Problems.UnitNotFound(code);
        })
            .WithName("getUnitScore")
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
            .WithName("getAwards")
            .WithSummary("Đề xuất khen thưởng theo từng suất")
            .Produces<AwardsDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/healthz", async (EngineHost host, Metrics.AppliedVersions applied, Database database, CancellationToken ct) =>
        {
            if (!host.IsLoaded) return Problems.Unavailable("Bộ máy xếp hạng chưa nạp xong số liệu.");
            try
            {
                await using var connection = await database.OpenAsync(ct);
                // Per campaign, the version this node has applied: a balancer can drop a node that lags.
                var campaigns = applied.Engines().Select(e => new { code = e.Campaign, version = e.Version }).ToList();
                return TypedResults.Ok(new { status = "ok", version = host.Engine.Version, campaigns });
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException or TimeoutException or UnauthorizedAccessException)
            {
                return Problems.Unavailable("Không mở được cơ sở dữ liệu.");
            }
        }).WithTags("ThiDua").WithName("getHealth").WithSummary("Trạng thái: 200 khi cơ sở dữ liệu và bộ máy xếp hạng sẵn sàng, 503 nếu không")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    /// <summary>
    /// Answers every operation under /api may give besides its own: 401 when anonymous reading is off or a key is
    /// missing, 500 (with a trace id) when something unforeseen breaks. Listed so the description is complete.
    /// </summary>
    internal static TBuilder WithApiErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>
    /// What every writing endpoint shares: its 400 (bad body), 403 (not allowed) and 429 (the per-key rate
    /// limit) answers, that limit, and no antiforgery token (machines call it with a key, not a form).
    /// </summary>
    internal static RouteHandlerBuilder AsWrite(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AccessRegistration.WritePolicy)
            .DisableAntiforgery();

    private const string RefusedTitle = "Lô số liệu có lỗi, không lưu dòng nào";
    private const string InvalidTitle = "Dữ liệu gửi lên không hợp lệ";

    private static async Task<IResult> PostFigures(HttpRequest request, ApiKeys keys, FigureIngestion ingestion,
        IOptionsMonitor<IngestOptions> options, ILoggerFactory loggers, CancellationToken ct)
    {
        if (await keys.AuthenticateAsync(request, ct) is not { } caller) return Problems.Unauthorized();
        var limits = options.CurrentValue;
        var maxBytes = Math.Max(1, limits.MaxBodyBytes);
        // Set before the first read, so Kestrel counts what arrives (chunked too) and stops at the limit;
        // it also replaces Kestrel's own global limit for this endpoint, whichever is larger.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = maxBytes;

        JsonElement? body;
        try
        {
            body = await ReadJson(request, ct);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.WholeBody(StatusCodes.Status413PayloadTooLarge, "Nội dung gửi lên quá lớn",
                $"Nội dung gửi lên lớn hơn giới hạn {Vi.Count(maxBytes)} byte một lần gửi; hãy chia số liệu thành nhiều lô. Không dòng nào được lưu.");
        }
        if (body is null) return Problems.WholeBody(StatusCodes.Status400BadRequest, InvalidTitle, FigureInputParser.NotJson);

        var (figures, errors) = FigureInputParser.Parse(body.Value, Math.Max(1, limits.MaxBatchItems), loggers.CreateLogger(typeof(FigureInputParser)));
        if (errors is [{ Index: null } wholeBody]) return Problems.WholeBody(StatusCodes.Status400BadRequest, InvalidTitle, wholeBody.Message);
        if (FigureInputParser.Duplicates(figures) is { Count: > 0 } duplicates)
        {
            // Named with the rules' errors (or the reading errors), so one answer lists every bad item.
            var rules = errors.Count > 0 ? errors : ingestion.Validate(figures).Select(ItemError.From);
            return Problems.BadRequest(RefusedTitle, rules.Concat(duplicates).OrderBy(e => e.Index).ToList());
        }
        if (errors.Count > 0) return Problems.BadRequest(RefusedTitle, errors);

        IngestionResult result;
        try
        {
            result = await ingestion.SubmitAsync(figures, "api", caller.Writer(request.HttpContext), ct);
        }
        catch (UnitScopeException outside)
        {
            return AccessProblems.OutOfScope(outside);
        }
        return result.IsAccepted
            ? TypedResults.Ok(new AcceptedDto(result.Accepted, result.Version))
            : Problems.BadRequest(RefusedTitle, result.Errors.Select(ItemError.From).ToList());
    }

    private static async Task<IResult> PutRegistration(string code, HttpRequest request, ApiKeys keys, EngineHost host, RegistrationBook registrations,
        ILoggerFactory loggers, CancellationToken ct)
    {
        // Issue 13: recording a date directly is the admin's; a unit sends its registration through POST …/registrations.
        var (writer, refused) = await ApiAccess.RequireAsync(request.HttpContext, keys, user => user.IsAdmin,
            "Chỉ quản trị viên (đăng nhập, hoặc khóa API quản trị) được ghi trực tiếp ngày đăng ký thi đua; đơn vị gửi đăng ký bằng POST /api/v1/units/{mã}/registrations.");
        if (refused is not null) return refused;
        if (host.Engine.Unit(code) is null) return Problems.UnitNotFound(code);
        if (await ReadJson(request, ct) is not { ValueKind: JsonValueKind.Object } body || !TryGetRegisteredOn(body, out var value))
            return Problems.BadRequest(InvalidTitle, "Gửi { \"registeredOn\": \"yyyy-MM-dd\" } hoặc { \"registeredOn\": null }.");

        DateOnly? registeredOn = null;
        if (value.ValueKind != JsonValueKind.Null)
        {
            var errors = new List<ItemError>();
            var text = value.ValueKind == JsonValueKind.String ? JsonStrings.Read(value, "registeredOn", 0, errors, loggers.CreateLogger(typeof(ApiEndpoints))) : null;
            if (errors.Count > 0) return Problems.BadRequest(InvalidTitle, errors);
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date))
                return Problems.BadRequest(InvalidTitle, [new ItemError(0, "registeredOn", "Ngày đăng ký phải có dạng yyyy-MM-dd hoặc null.")]);
            registeredOn = date;
        }
        // A date is recorded as a registration accepted at once, so the list of registrations tells the whole story.
        var unit = await registrations.RecordAsync(code, registeredOn, "api", writer!, ct);
        return unit is null ? Problems.UnitNotFound(code) : TypedResults.Ok(UnitDto.From(unit));
    }

    private static bool TryGetRegisteredOn(JsonElement body, out JsonElement value)
    {
        try
        {
            return body.TryGetProperty("registeredOn", out value);
        }
        catch (InvalidOperationException)
        {
            // A property name with a lone surrogate cannot be compared; such a body has no readable registeredOn.
            value = default;
            return false;
        }
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

/// <summary>The body of <c>PUT /api/v1/units/{code}/registration</c>: an ISO date, or null to clear it.</summary>
public sealed record RegistrationInput(DateOnly? RegisteredOn);

/// <summary>One item of <c>POST /api/v1/figures</c>, as documented in the OpenAPI description.</summary>
public sealed record FigureInput(string Unit, DateOnly AsOf, string Indicator, long Numerator, long? Denominator);
