using System.Globalization;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Registrations;

/// <summary>
/// Registration for the campaign over HTTP: a unit (its editor, or a key scoped to it) sends it; the
/// City Office (committee or admin) lists, accepts or returns it. Paths, fields and codes are a contract.
/// </summary>
public static class RegistrationEndpoints
{
    private const string Invalid = "Dữ liệu gửi lên không hợp lệ";
    private const string BodyShape = "Gửi { \"documentNumber\": chuỗi, \"documentDate\": \"yyyy-MM-dd\", \"submittedOn\": \"yyyy-MM-dd\" | null }.";
    private const string Deciders = "Chỉ Văn phòng UBND thành phố (tài khoản xét chọn), quản trị viên hoặc khóa API quản trị được xét đăng ký thi đua.";

    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("ThiDua").WithApiErrors();

        api.MapPost("/units/{code}/registrations", PostRegistration)
            .WithName("postUnitRegistration")
            .WithSummary("Đơn vị gửi đăng ký thi đua (số và ngày văn bản) cho Văn phòng UBND thành phố")
            .Accepts<RegistrationSubmission>("application/json")
            .Produces<RegistrationDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AsWrite();

        api.MapPost("/registrations/{id}/accept", (string id, HttpContext context, ApiKeys keys, RegistrationBook book, ILoggerFactory loggers, CancellationToken ct) =>
                DecideAsync(id, RegistrationStatus.Accepted, context, keys, book, loggers, ct))
            .WithName("acceptRegistration")
            .WithSummary("Văn phòng UBND thành phố chấp nhận đăng ký thi đua: ngày đăng ký của đơn vị là ngày gửi")
            .Accepts<RegistrationDecision>("application/json")
            .Produces<RegistrationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();

        api.MapPost("/registrations/{id}/return", (string id, HttpContext context, ApiKeys keys, RegistrationBook book, ILoggerFactory loggers, CancellationToken ct) =>
                DecideAsync(id, RegistrationStatus.Returned, context, keys, book, loggers, ct))
            .WithName("returnRegistration")
            .WithSummary("Văn phòng UBND thành phố trả lại đăng ký thi đua, có lý do")
            .Accepts<RegistrationDecision>("application/json")
            .Produces<RegistrationDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();

        api.MapGet("/registrations", ListAsync)
            .WithName("listRegistrations")
            .WithSummary("Danh sách đăng ký thi đua, mới gửi trước (Văn phòng UBND thành phố, quản trị)")
            .Produces<List<RegistrationDto>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/registrations/{id}", async (string id, HttpContext context, ApiKeys keys, RegistrationBook book, CancellationToken ct) =>
            {
                var (_, refused) = await ApiAccess.RequireAsync(context, keys, user => user.MayNominate, Deciders);
                if (refused is not null) return refused;
                return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && await book.GetAsync(number, ct) is { } found
                    ? TypedResults.Ok(RegistrationDto.From(found))
                    : NotFound(id);
            })
            .WithName("getRegistration")
            .WithSummary("Một đăng ký thi đua (địa chỉ trong tiêu đề Location khi gửi)")
            .Produces<RegistrationDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> PostRegistration(string code, HttpContext context, ApiKeys keys, EngineHost host, RegistrationBook book,
        ILoggerFactory loggers, CancellationToken ct)
    {
        // Who: an editor (or an admin) signed in, or a key; only admins choose the date. Whether the unit is
        // theirs is the registration book's to check (the one scope rule of every write).
        var user = SignedInUser.From(context.User);
        WriteActor? writer = null;
        var (isAdmin, byKey) = (false, false);
        if (user is { MayWriteFigures: true })
            (writer, isAdmin) = (new WriteActor(user.UserName, user.Address ?? context.Connection.RemoteIpAddress?.ToString(), user.WriteScope), user.IsAdmin);
        else if (await keys.AuthenticateAsync(context.Request, ct) is { } key)
        {
            if (host.Engine.Unit(code) is null) return Problems.UnitNotFound(code);
            // An admin key sends for any unit, as it always could.
            (writer, isAdmin, byKey) = (key.IsAdmin ? WriteActor.Trusted(key.Name, context.Connection.RemoteIpAddress?.ToString()) : key.Writer(context), key.IsAdmin, true);
        }
        else if (user is null) return Problems.Unauthorized();
        else return NotTheUnitsWriter(code);
        if (host.Engine.Unit(code) is null) return Problems.UnitNotFound(code);

        if (await ApiEndpoints.ReadJson(context.Request, ct) is not { ValueKind: JsonValueKind.Object } json)
            return Problems.BadRequest(Invalid, BodyShape);
        var logger = loggers.CreateLogger(typeof(RegistrationEndpoints));
        var errors = new List<ItemError>();
        errors.AddRange(UnknownFields(json));
        var number = RequiredText(json, "documentNumber", "Thiếu số văn bản đăng ký (documentNumber).", errors, logger);
        if (number is not null && number.Trim().Length > RegistrationBook.MaxDocumentNumberLength)
            errors.Add(new ItemError(0, "documentNumber", $"documentNumber dài quá {Vi.Count(RegistrationBook.MaxDocumentNumberLength)} ký tự."));
        var documentDate = Date(json, "documentDate", required: true, errors, logger);
        var submittedOn = Date(json, "submittedOn", required: false, errors, logger);
        if (errors.Count > 0) return Problems.BadRequest(Invalid, errors);
        if (submittedOn is not null && !isAdmin)
            return AccessProblems.Forbidden("Chỉ quản trị viên được ghi ngày gửi (submittedOn); bỏ trường này hoặc gửi null để lấy ngày hôm nay.");

        var today = book.Today();
        var sentOn = submittedOn ?? today;
        if (sentOn > today) errors.Add(new ItemError(0, "submittedOn", $"Ngày gửi {Vi.Date(sentOn)} sau ngày hôm nay ({Vi.Date(today)})."));
        if (documentDate > sentOn) errors.Add(new ItemError(0, "documentDate", $"Ngày văn bản {Vi.Date(documentDate!.Value)} sau ngày gửi {Vi.Date(sentOn)}."));
        if (errors.Count > 0) return Problems.BadRequest(Invalid, errors);

        Registration stored;
        try
        {
            stored = await book.SubmitAsync(code, number!, documentDate!.Value, sentOn, writer!, ct);
        }
        catch (UnitScopeException outside)
        {
            // A key is told which units it may not write; a person, who may not send for this unit.
            return byKey ? AccessProblems.OutOfScope(outside) : NotTheUnitsWriter(code);
        }
        return TypedResults.Created($"/api/v1/registrations/{stored.Id}", RegistrationDto.From(stored));
    }

    private static IResult NotTheUnitsWriter(string code) =>
        AccessProblems.Forbidden("Chỉ tài khoản nhập liệu được giao đơn vị này, quản trị viên hoặc khóa API của đơn vị được gửi đăng ký thi đua.", [Echo.Input(code)]);

    private static async Task<IResult> DecideAsync(string id, RegistrationStatus decision, HttpContext context, ApiKeys keys, RegistrationBook book,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var (writer, refused) = await ApiAccess.RequireAsync(context, keys, user => user.MayNominate, Deciders);
        if (refused is not null) return refused;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || await book.GetAsync(number, ct) is null)
            return NotFound(id);

        string? reason = null;
        // An acceptance needs no body; a return needs { "reason": "…" }.
        if (context.Request.ContentLength is not 0 || decision == RegistrationStatus.Returned)
        {
            if (await ApiEndpoints.ReadJson(context.Request, ct) is not { ValueKind: JsonValueKind.Object } json)
                return Problems.BadRequest(Invalid, decision == RegistrationStatus.Returned
                    ? "Gửi { \"reason\": chuỗi } với lý do trả lại."
                    : "Gửi { \"reason\": chuỗi | null }, hoặc không gửi nội dung.");
            var errors = new List<ItemError>();
            errors.AddRange(StandardsEndpoints.UnknownFields(json, "reason"));
            reason = decision == RegistrationStatus.Returned
                ? RequiredText(json, "reason", "Cần ghi lý do trả lại (reason).", errors, loggers.CreateLogger(typeof(RegistrationEndpoints)))
                : OptionalText(json, "reason", errors);
            if (reason is not null && reason.Trim().Length > RegistrationBook.MaxReasonLength)
                errors.Add(new ItemError(0, "reason", $"reason dài quá {Vi.Count(RegistrationBook.MaxReasonLength)} ký tự."));
            if (errors.Count > 0) return Problems.BadRequest(Invalid, errors);
        }

        try
        {
            var decided = decision == RegistrationStatus.Accepted
                ? await book.AcceptAsync(number, reason, writer!, ct)
                : await book.ReturnAsync(number, reason!, writer!, ct);
            return decided is null ? NotFound(id) : TypedResults.Ok(RegistrationDto.From(decided));
        }
        catch (RegistrationDecidedException decided)
        {
            return Problems.WholeBody(StatusCodes.Status409Conflict, "Đăng ký đã được xét",
                $"Đăng ký số {decided.Registration.Id} đã {StatusText(decided.Registration)}; không xét lại được. Đơn vị gửi đăng ký mới nếu cần.");
        }
    }

    private static async Task<IResult> ListAsync(string? status, HttpContext context, ApiKeys keys, RegistrationBook book, CancellationToken ct)
    {
        var (_, refused) = await ApiAccess.RequireAsync(context, keys, user => user.MayNominate, Deciders);
        if (refused is not null) return refused;
        RegistrationStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!RegistrationRepository.TryParse(status, out var parsed))
                return Problems.BadParameter("status", "Tham số status không hợp lệ",
                    $"status “{Echo.Input(status)}” phải là submitted, accepted hoặc returned (hoặc bỏ trống để lấy tất cả).");
            filter = parsed;
        }
        var listed = await book.ListAsync(filter, ct);
        return TypedResults.Ok(listed.Select(RegistrationDto.From).ToList());
    }

    private static IResult NotFound(string id) => Problems.WholeBody(StatusCodes.Status404NotFound, "Không tìm thấy đăng ký",
        $"Không có đăng ký thi đua số “{Echo.Input(id)}”.");

    private static string StatusText(Registration registration) => registration.Status switch
    {
        RegistrationStatus.Accepted => $"được chấp nhận (bởi {registration.DecidedBy})",
        RegistrationStatus.Returned => $"bị trả lại (bởi {registration.DecidedBy})",
        _ => "được gửi",
    };

    private static IEnumerable<ItemError> UnknownFields(JsonElement json)
    {
        try
        {
            return StandardsEndpoints.UnknownFields(json, "documentNumber", "documentDate", "submittedOn").ToList();
        }
        catch (InvalidOperationException)
        {
            // A property name with a lone surrogate cannot be read: such a body names no field we know.
            return [ItemError.WholeBody(BodyShape)];
        }
    }

    private static string? RequiredText(JsonElement json, string field, string missing, List<ItemError> errors, ILogger logger)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new ItemError(0, field, missing));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ItemError(0, field, $"{field} phải là chuỗi."));
            return null;
        }
        var text = JsonStrings.Read(value, field, 0, errors, logger);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ItemError(0, field, missing));
            return null;
        }
        return text;
    }

    private static string? OptionalText(JsonElement json, string field, List<ItemError> errors)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString();
            }
            catch (InvalidOperationException)
            {
                errors.Add(new ItemError(0, field, JsonStrings.Unreadable(field)));
                return null;
            }
        }
        errors.Add(new ItemError(0, field, $"{field} phải là chuỗi hoặc null."));
        return null;
    }

    private static DateOnly? Date(JsonElement json, string field, bool required, List<ItemError> errors, ILogger logger)
    {
        var message = required ? $"{field} phải là ngày dạng yyyy-MM-dd." : $"{field} phải là ngày dạng yyyy-MM-dd hoặc null.";
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(new ItemError(0, field, $"Thiếu ngày văn bản ({field}) dạng yyyy-MM-dd."));
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? JsonStrings.Read(value, field, 0, errors, logger) : null;
        if (text is null && value.ValueKind == JsonValueKind.String) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(new ItemError(0, field, message));
        return null;
    }
}

/// <summary>A registration as the API shows it.</summary>
/// <param name="Status"><c>submitted</c>, <c>accepted</c> or <c>returned</c>.</param>
public sealed record RegistrationDto(long Id, string Unit, string Status, string? DocumentNumber, DateOnly? DocumentDate, DateOnly SubmittedOn,
    string? DecidedBy, string? Reason)
{
    public static RegistrationDto From(Registration r) =>
        new(r.Id, r.Unit, RegistrationRepository.Name(r.Status), r.DocumentNumber, r.DocumentDate, r.SubmittedOn, r.DecidedBy, r.Reason);
}

/// <summary>The body of POST /units/{code}/registrations, for the API description (the endpoint reads it field by field).</summary>
public sealed record RegistrationSubmission(string DocumentNumber, DateOnly DocumentDate, DateOnly? SubmittedOn);

/// <summary>The body of POST /registrations/{id}/accept (optional) and /return (reason required), for the API description.</summary>
public sealed record RegistrationDecision(string? Reason);
