using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Template;
using ThiDua.Dashboard.Audit;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// Every answer under /api is problem+json, in every environment: an unhandled exception becomes a 500
/// with a trace id (the log keeps the detail), and a status without a body (unknown path, wrong method,
/// wrong content type, a refused cookie) gets a Vietnamese title. Pages keep their HTML error pages.
/// </summary>
public static class ApiErrorAnswers
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Called twice: first in the pipeline, so that failures of the access middleware become problem+json too,
    /// and again inside the pages' error handlers, so that those never answer /api with an HTML page.
    /// </summary>
    public static WebApplication UseApiErrorAnswers(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            // The exception handler logs the exception itself (with the trace id) before calling this.
            api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync, AllowStatusCode404Response = true });
            api.UseStatusCodePages(context => ForStatus(context.HttpContext).ExecuteAsync(context.HttpContext));
        });
        return app;
    }

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problem = exception switch
        {
            // Kestrel's and the framework's own refusals (a body over the size limit, an unreadable request).
            BadHttpRequestException bad => ForStatus(context, bad.StatusCode),
            AuditWriteException => Make(context, StatusCodes.Status500InternalServerError, "Không lưu được thay đổi", AuditWriteException.UserMessage),
            _ => Make(context, StatusCodes.Status500InternalServerError, "Lỗi máy chủ",
                "Máy chủ gặp lỗi không lường trước khi xử lý yêu cầu này. Gửi mã traceId cho quản trị viên để tra nhật ký."),
        };
        return problem.ExecuteAsync(context);
    }

    private static IResult ForStatus(HttpContext context)
    {
        // Routing answers 405 only when no GET endpoint could match: the static-assets fallback ({**path:file}) is a
        // GET candidate for every path, so a GET to a POST/PUT-only address arrives here as 404. Tell the truth instead.
        if (context.Response.StatusCode == StatusCodes.Status404NotFound && AllowedMethods(context) is { Count: > 0 } allowed)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = string.Join(", ", allowed);
        }
        return ForStatus(context, context.Response.StatusCode);
    }

    /// <summary>The methods the API's own endpoints accept at this path (none when the path is unknown).</summary>
    private static IReadOnlyCollection<string> AllowedMethods(HttpContext context)
    {
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var path = context.Request.Path;
        foreach (var endpoint in context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText is not { } pattern || !pattern.StartsWith("/api/", StringComparison.Ordinal)
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods)
                continue;
            if (new TemplateMatcher(TemplateParser.Parse(pattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
                allowed.UnionWith(methods.HttpMethods);
        }
        return allowed;
    }

    private static IResult ForStatus(HttpContext context, int status)
    {
        var request = context.Request;
        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ", "Máy chủ không đọc được yêu cầu này."),
            StatusCodes.Status401Unauthorized => ("Cần đăng nhập hoặc khóa API", $"Gửi khóa API hợp lệ trong tiêu đề {ApiKeys.Header}."),
            StatusCodes.Status403Forbidden => ("Không được phép", "Khóa hoặc tài khoản này không được làm việc này."),
            StatusCodes.Status404NotFound => ("Không tìm thấy địa chỉ", $"Không có địa chỉ API “{Echo.Input(request.Path.Value)}”. Danh sách địa chỉ ở /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ",
                $"Địa chỉ “{Echo.Input(request.Path.Value)}” không nhận {request.Method}; chỉ nhận {context.Response.Headers.Allow}."),
            StatusCodes.Status413PayloadTooLarge => ("Dữ liệu gửi lên quá lớn", "Nội dung yêu cầu vượt giới hạn cho phép; không có gì được lưu."),
            StatusCodes.Status415UnsupportedMediaType => ("Kiểu nội dung không được hỗ trợ",
                $"Địa chỉ này không nhận Content-Type “{Echo.Input(request.ContentType)}”; xem kiểu được nhận ở /openapi/v1.json."),
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ("Tiêu đề yêu cầu quá lớn", "Các tiêu đề của yêu cầu vượt giới hạn cho phép."),
            >= 500 => ("Lỗi máy chủ", "Máy chủ không xử lý được yêu cầu này. Gửi mã traceId cho quản trị viên để tra nhật ký."),
            _ => ("Yêu cầu không thành công", $"Máy chủ trả lời mã {status}."),
        };
        return Make(context, status, title, detail);
    }

    private static IResult Make(HttpContext context, int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        // Always present, whatever the client's Accept header lets the problem-details writer add.
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return TypedResults.Problem(problem);
    }
}
