using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Dashboard.Import;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>A campaign in the list of <c>GET /api/v1/campaigns</c>.</summary>
public sealed record CampaignSummaryDto(string Code, string Name, DateOnly? PeriodStart, DateOnly? PeriodEnd, string Status, bool IsDefault)
{
    public static CampaignSummaryDto From(CampaignRecord c) => new(c.Code, c.Name, c.PeriodStart, c.PeriodEnd, c.Status, c.IsDefault);
}

/// <summary>The answer to an import, a check or a change: the campaign (when stored) and every finding.</summary>
public sealed record CampaignCheckDto(bool Valid, CampaignSummaryDto? Campaign, IReadOnlyList<CampaignFinding> Errors, IReadOnlyList<CampaignFinding> Warnings);

/// <summary>The body of POST /api/v1/campaigns/{code}/copy.</summary>
public sealed record CampaignCopyInput(string? Code, string? Name, DateOnly? PeriodStart, DateOnly? PeriodEnd);

/// <summary>/api/v1/campaigns: the list for everyone; imports and changes for an admin (signed in, or an admin key).</summary>
public static class CampaignEndpoints
{
    private const string AdminOnly = "Chỉ quản trị viên (đăng nhập, hoặc khóa API quản trị) được tạo, sửa, kích hoạt hay kết thúc chiến dịch.";
    private const string InvalidTitle = "Chiến dịch có lỗi, chưa lưu gì";

    public static WebApplication MapCampaignApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/campaigns").WithTags("ThiDua").WithApiErrors();

        api.MapGet("", (CampaignCatalog catalog) => TypedResults.Ok(catalog.List().Select(CampaignSummaryDto.From).ToList()))
            .WithName("listCampaigns")
            .WithSummary("Các chiến dịch thi đua: mã, tên, thời gian, trạng thái, mặc định");

        api.MapGet("/{code}", (string code, CampaignCatalog catalog) =>
                catalog.Find(code) is { } campaign ? TypedResults.Ok(CampaignSummaryDto.From(campaign)) : CampaignProblems.NotFound(code))
            .WithName("getCampaignByCode")
            .WithSummary("Một chiến dịch")
            .Produces<CampaignSummaryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{code}/units/template", (string code, string? format, CampaignCatalog catalog, CancellationToken ct) =>
                UnitListUpload.TemplateAsync(code, format, catalog, ct))
            .WithName("getCampaignUnitListTemplate")
            .WithSummary("Danh sách đơn vị của chiến dịch thành tệp để sửa rồi nhập lại (format=csv|xlsx; chỉ dòng tiêu đề khi chưa có đơn vị)")
            .Produces(StatusCodes.Status200OK, contentType: ImportTemplate.CsvContentType, additionalContentTypes: ImportTemplate.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", Import)
            .WithName("importCampaign")
            .WithSummary("Nhập một chiến dịch (quy định + units[]) làm bản nháp; dryRun=true chỉ kiểm tra")
            .Accepts<object>("application/json")
            .Produces<CampaignCheckDto>(StatusCodes.Status201Created)
            .Produces<CampaignCheckDto>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();

        api.MapPost("/{code}/copy", Copy)
            .WithName("copyCampaign")
            .WithSummary("Sao chép quy định và đơn vị sang một chiến dịch nháp mới (mã, tên, thời gian mới)")
            .Accepts<CampaignCopyInput>("application/json")
            .Produces<CampaignCheckDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();

        api.MapPut("/{code}/rules", ReplaceRules)
            .WithName("putCampaignRules")
            .WithSummary("Thay quy định của chiến dịch nháp")
            .Accepts<object>("application/json")
            .Produces<CampaignCheckDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();

        api.MapPut("/{code}/units", ReplaceUnits)
            .WithName("putCampaignUnits")
            .WithSummary("Thay danh sách đơn vị của chiến dịch nháp: JSON, hoặc tệp CSV/XLSX (multipart/form-data, trường “file”, hoặc text/csv)")
            .Accepts<object>("application/json", "text/csv", "multipart/form-data")
            .Produces<CampaignCheckDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();

        MapStep(api, "activate", "activateCampaign", "Kích hoạt chiến dịch nháp (sau khi kiểm tra toàn bộ)", (c, code, actor, ct) => c.ActivateAsync(code, actor, ct));
        MapStep(api, "close", "closeCampaign", "Kết thúc chiến dịch: từ đó chỉ xem được", (c, code, actor, ct) => c.CloseAsync(code, actor, ct));
        MapStep(api, "default", "setDefaultCampaign", "Đặt làm chiến dịch mặc định", (c, code, actor, ct) => c.SetDefaultAsync(code, actor, ct));
        return app;
    }

    private static void MapStep(RouteGroupBuilder api, string step, string name, string summary,
        Func<CampaignCatalog, string, WriteActor, CancellationToken, Task<CampaignResult>> act) =>
        api.MapPost("/{code}/" + step, async (string code, HttpContext context, ApiKeys keys, CampaignCatalog catalog, CancellationToken ct) =>
            {
                var (actor, refused) = await ApiAccess.RequireAsync(context, keys, user => user.IsAdmin, AdminOnly);
                return refused ?? Answer(await act(catalog, code, actor!, ct), created: false);
            })
            .WithName(name)
            .WithSummary(summary)
            .Produces<CampaignCheckDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();

    private static async Task<IResult> Import(HttpContext context, ApiKeys keys, CampaignCatalog catalog, CancellationToken ct)
    {
        var (actor, refused) = await ApiAccess.RequireAsync(context, keys, user => user.IsAdmin, AdminOnly);
        if (refused is not null) return refused;
        if (!TryReadDryRun(context.Request, out var dryRun, out var bad)) return bad!;
        await using var body = await BufferBodyAsync(context.Request, ct);
        var import = await CampaignFileImport.ImportAsync(body, dryRun, catalog, actor!, ct);
        if (import.Result is not { } result) return Invalid(import.Findings);
        if (result.Outcome != CampaignOutcome.Done) return Answer(result, created: true);
        if (dryRun) return TypedResults.Ok(new CampaignCheckDto(true, null, [], import.Findings.Warnings));
        return Answer(result, created: true);
    }

    private static async Task<IResult> Copy(string code, HttpContext context, ApiKeys keys, CampaignCatalog catalog, CancellationToken ct)
    {
        var (actor, refused) = await ApiAccess.RequireAsync(context, keys, user => user.IsAdmin, AdminOnly);
        if (refused is not null) return refused;
        CampaignCopyInput? input;
        try
        {
            input = await context.Request.ReadFromJsonAsync<CampaignCopyInput>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            input = null;
        }
        var errors = new List<ItemError>();
        if (input is null) errors.Add(ItemError.WholeBody("Gửi { \"code\": \"…\", \"name\": \"…\", \"periodStart\": \"yyyy-MM-dd\", \"periodEnd\": \"yyyy-MM-dd\" }."));
        else
        {
            if (!CampaignCode.IsWellFormed(input.Code))
                errors.Add(new ItemError(null, "code", $"code phải là mã chiến dịch mới: chữ thường không dấu, chữ số, nối bằng “-”, “_” hoặc “.”, tối đa {CampaignCode.MaxLength} ký tự."));
            if (input.PeriodStart is null) errors.Add(new ItemError(null, "periodStart", "Thiếu periodStart (yyyy-MM-dd): ngày bắt đầu chiến dịch mới."));
            if (input.PeriodEnd is null) errors.Add(new ItemError(null, "periodEnd", "Thiếu periodEnd (yyyy-MM-dd): ngày kết thúc chiến dịch mới."));
        }
        if (errors.Count > 0) return Problems.BadRequest("Yêu cầu sao chép chiến dịch không hợp lệ", errors);
        var result = await catalog.CopyAsync(code, input!.Code!, input.Name, input.PeriodStart!.Value, input.PeriodEnd!.Value, actor!, ct);
        return Answer(result, created: true);
    }

    private static async Task<IResult> ReplaceRules(string code, HttpContext context, ApiKeys keys, CampaignCatalog catalog, CancellationToken ct)
    {
        var (actor, refused) = await ApiAccess.RequireAsync(context, keys, user => user.IsAdmin, AdminOnly);
        if (refused is not null) return refused;
        await using var body = await BufferBodyAsync(context.Request, ct);
        var rules = CampaignFileReader.ReadRules(body);
        return rules.IsValid
            ? Answer(await catalog.ReplaceRulesAsync(code, rules.Value!, actor!, ct), created: false)
            : Invalid(CampaignFindings.Of(rules.Errors, rules.Warnings));
    }

    private static async Task<IResult> ReplaceUnits(string code, HttpContext context, ApiKeys keys, CampaignCatalog catalog, CancellationToken ct)
    {
        var (actor, refused) = await ApiAccess.RequireAsync(context, keys, user => user.IsAdmin, AdminOnly);
        if (refused is not null) return refused;
        if (UnitListUpload.IsUnitList(context.Request)) return await UnitListUpload.ReplaceUnitsAsync(code, context.Request, catalog, actor!, ct);
        await using var body = await BufferBodyAsync(context.Request, ct);
        var units = CampaignFileReader.ReadUnits(body);
        return units.IsValid
            ? Answer(await catalog.ReplaceUnitsAsync(code, units.Value!, actor!, ct), created: false)
            : Invalid(CampaignFindings.Of(units.Errors, units.Warnings));
    }

    internal static IResult Answer(CampaignResult result, bool created) => result.Outcome switch
    {
        CampaignOutcome.Done when created => TypedResults.Created($"/api/v1/campaigns/{result.Campaign!.Code}", Dto(result)),
        CampaignOutcome.Done => TypedResults.Ok(Dto(result)),
        CampaignOutcome.Invalid => Invalid(result.Findings),
        CampaignOutcome.NotFound => Problems.Refused(StatusCodes.Status404NotFound, "Không tìm thấy chiến dịch", [result.Reason!]),
        _ => Problems.Refused(StatusCodes.Status409Conflict, "Không thực hiện được với chiến dịch này", [result.Reason!]),
    };

    private static CampaignCheckDto Dto(CampaignResult result) =>
        new(true, result.Campaign is { } c ? CampaignSummaryDto.From(c) : null, result.Findings.Errors, result.Findings.Warnings);

    /// <summary>400 with every finding: <c>errors</c> and <c>warnings</c>, each with code, path and message.</summary>
    internal static IResult Invalid(CampaignFindings findings)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = InvalidTitle,
            Detail = string.Join(" ", findings.Errors.Select(e => e.Message)),
        };
        problem.Extensions["errors"] = findings.Errors;
        problem.Extensions["warnings"] = findings.Warnings;
        return TypedResults.Problem(problem);
    }

    private static bool TryReadDryRun(HttpRequest request, out bool dryRun, out IResult? bad)
    {
        dryRun = false;
        bad = null;
        var values = request.Query["dryRun"];
        if (values.Count == 0) return true;
        if (values.Count == 1 && bool.TryParse(values[0], out dryRun) && values[0] is "true" or "false") return true;
        bad = Problems.BadParameter("dryRun", "Tham số dryRun không hợp lệ", $"dryRun phải là true hoặc false; nhận được “{Echo.Input(values.ToString())}”.");
        return false;
    }

    /// <summary>The body in memory: the reader reads synchronously, which Kestrel refuses on the request stream.</summary>
    private static async Task<MemoryStream> BufferBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }
}
