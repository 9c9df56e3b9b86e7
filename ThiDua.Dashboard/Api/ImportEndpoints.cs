using Microsoft.AspNetCore.Mvc;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Import;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// The answer of an import: what the file holds, its errors, whether it was stored, the engine version after
/// the call, and the rows kept but questioned (<see cref="ImportPreview.Warnings"/>).
/// </summary>
/// <param name="Changes">Rows whose figure differs from the one in effect on their date (old → new), capped; <paramref name="ChangeCount"/> counts all.</param>
/// <param name="Scores">Per unit with a change, its score now and once the file is stored.</param>
/// <param name="AlreadyImportedAt">When every row is already stored with the same figure: when that file (or those figures) came in.</param>
public sealed record ImportResponse(int Rows, int Units, IReadOnlyList<string> Indicators, IReadOnlyList<ImportError> Errors, int ErrorCount, bool Committed, long Version, IReadOnlyList<ImportError> Warnings,
    IReadOnlyList<ImportChange> Changes, int ChangeCount, IReadOnlyList<ImportScoreChange> Scores, DateTimeOffset? AlreadyImportedAt)
{
    public static ImportResponse From(ImportOutcome outcome) => new(
        outcome.Preview.Rows, outcome.Preview.Units, outcome.Preview.Indicators, outcome.Preview.Errors,
        outcome.Preview.ErrorCount, outcome.Committed, outcome.Version, outcome.Preview.Warnings,
        outcome.Preview.Changes, outcome.Preview.ChangeCount, outcome.Preview.Scores, outcome.Preview.AlreadyImportedAt);
}

/// <summary>The multipart form of an import, as the OpenAPI description shows it: the file in the part <c>file</c>.</summary>
public sealed record ImportForm(IFormFile File);

/// <summary>File import under /api/v1/imports: preview (dry run) or commit a CSV/XLSX file of figures, and its template.</summary>
public static class ImportEndpoints
{
    public const string FilePart = "file";

    /// <summary>100,000 rows of CSV are about 5 MB; the limit leaves room for wide files and XLSX overhead.</summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    private const string CommitRefusedTitle = "Tệp có lỗi, không lưu dòng nào";

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/imports").WithTags("ThiDua").WithApiErrors();

        imports.MapPost("", PostImport)
            .WithName("postImport")
            .WithSummary("Nhập số liệu từ tệp .csv hoặc .xlsx (dryRun=true: chỉ xem trước)")
            .Accepts<ImportForm>("multipart/form-data")
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AccessRegistration.WritePolicy)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxUploadBytes);

        imports.MapGet("/template", (string? format, EngineHost host) =>
                ImportTemplate.Create(format, host.Campaign, host.IsLoaded ? host.Engine.Units : []) is { } template
                    ? Results.File(template.Content, template.ContentType, template.FileName)
                    : Problems.BadParameter("format", "Định dạng mẫu không được hỗ trợ", "Dùng format=csv hoặc format=xlsx."))
            .WithName("getImportTemplate")
            .WithSummary("Tệp mẫu để nhập số liệu (format=csv|xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: ImportTemplate.CsvContentType, additionalContentTypes: ImportTemplate.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return app;
    }

    /// <param name="dryRun">Bound as text so that a malformed value is our 400 naming it, never the framework's.</param>
    private static async Task<IResult> PostImport(string? dryRun, HttpRequest request, ApiKeys keys, EngineHost host, FigureImport import,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (await keys.AuthenticateAsync(request, ct) is not { } caller) return Problems.Unauthorized();
        if (!TryReadDryRun(dryRun, out var isDryRun))
            return Problems.BadParameter("dryRun", "Tham số dryRun không hợp lệ", "Dùng dryRun=true để xem trước hoặc dryRun=false để lưu số liệu.");
        if (!host.IsLoaded) return Problems.Unavailable("Bảng xếp hạng đang được nạp; hãy thử lại sau ít giây.");

        var (file, unreadable) = await MultipartFile.ReadAsync(request,
            $"Biểu mẫu multipart không hợp lệ, bị cắt ngang, hoặc tệp lớn quá {MaxUploadBytes / (1024 * 1024)} MB; không có gì được lưu.",
            logs.CreateLogger(typeof(ImportEndpoints).FullName!), ct);
        if (unreadable is not null) return unreadable;
        if (file is null)
            return Problems.BadRequest("Thiếu tệp số liệu", $"Gửi tệp .csv hoặc .xlsx trong trường “{FilePart}” của biểu mẫu multipart/form-data.");
        if (!FigureFileReader.IsSupported(file.FileName))
            return Problems.BadRequest("Định dạng tệp không được hỗ trợ", $"Chỉ nhận tệp .csv, .txt (Unicode Text của Excel) hoặc .xlsx; tệp đã gửi: “{Echo.Input(FigureImport.SourceName(file.FileName))}”.");

        await using var stream = file.OpenReadStream();
        if (isDryRun) return TypedResults.Ok(ImportResponse.From(await import.PreviewAsync(stream, file.FileName, ct)));

        ImportOutcome outcome;
        try
        {
            outcome = await import.CommitAsync(stream, file.FileName, caller.Writer(request.HttpContext), ct);
        }
        catch (UnitScopeException outside)
        {
            return AccessProblems.OutOfScope(outside);
        }
        if (!outcome.Committed) return Refused(ImportResponse.From(outcome));
        return TypedResults.Ok(ImportResponse.From(outcome));
    }

    /// <summary>dryRun defaults to true: an upload without the parameter only previews, so nothing is stored by accident.</summary>
    private static bool TryReadDryRun(string? text, out bool dryRun)
    {
        dryRun = true;
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out dryRun);
    }

    private static IResult Refused(ImportResponse response)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = CommitRefusedTitle,
            Detail = $"Tệp có {Vi.Count(response.ErrorCount)} lỗi; sửa các dòng được nêu rồi gửi lại cả tệp.",
        };
        problem.Extensions["rows"] = response.Rows;
        problem.Extensions["units"] = response.Units;
        problem.Extensions["indicators"] = response.Indicators;
        problem.Extensions["errors"] = response.Errors;
        problem.Extensions["errorCount"] = response.ErrorCount;
        problem.Extensions["committed"] = false;
        problem.Extensions["version"] = response.Version;
        return TypedResults.Problem(problem);
    }
}
