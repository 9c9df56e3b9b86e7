using Microsoft.AspNetCore.Mvc;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// An item error of a 400: which item, which field, why (Vietnamese). Index and field are null
/// (JSON <c>null</c>) where they do not apply: an error about the whole body, or about an item as a
/// whole (a duplicate).
/// </summary>
public sealed record ItemError(int? Index, string? Field, string Message)
{
    public static ItemError WholeBody(string message) => new(null, null, message);

    /// <summary>The engine's checks mark a batch-wide error with index -1 and field "": here both become null.</summary>
    public static ItemError From(FigureError error) =>
        new(error.Index < 0 ? null : error.Index, string.IsNullOrEmpty(error.Field) ? null : error.Field, error.Message);
}

/// <summary>The API's error answers: application/problem+json with a Vietnamese title.</summary>
public static class Problems
{
    public static IResult BadRequest<T>(string title, IReadOnlyList<T> errors) =>
        Make(StatusCodes.Status400BadRequest, title, null, errors);

    public static IResult BadRequest(string title, string detail) => Make<ItemError>(StatusCodes.Status400BadRequest, title, detail, null);

    /// <summary>A malformed query parameter: 400 whose <c>parameter</c> names it (and whose detail says it in words).</summary>
    public static IResult BadParameter(string parameter, string title, string detail)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = title, Detail = detail };
        problem.Extensions["parameter"] = parameter;
        return TypedResults.Problem(problem);
    }

    /// <summary>A body refused as a whole: the message as the detail and as the one error, whose index and field are null.</summary>
    public static IResult WholeBody(int status, string title, string message) =>
        Make(status, title, message, [ItemError.WholeBody(message)]);

    /// <summary>A request refused for the state of things (409) or its input: the reasons in <c>detail</c> and each as an error without index or field.</summary>
    public static IResult Refused(int status, string title, IReadOnlyList<string> reasons) =>
        Make(status, title, string.Join(" ", reasons), [.. reasons.Select(ItemError.WholeBody)]);

    public static IResult Unauthorized() =>
        Make<ItemError>(StatusCodes.Status401Unauthorized, "Thiếu hoặc sai khóa API",
            $"Gửi khóa API hợp lệ trong tiêu đề {ApiKeys.Header}.", null);

    public static IResult UnitNotFound(string code) =>
        Make<ItemError>(StatusCodes.Status404NotFound, "Không tìm thấy đơn vị", $"Không có đơn vị mã “{Echo.Input(code)}”.", null);

    public static IResult Unavailable(string detail) =>
        Make<ItemError>(StatusCodes.Status503ServiceUnavailable, "Dịch vụ chưa sẵn sàng", detail, null);

    private static IResult Make<T>(int status, string title, string? detail, IReadOnlyList<T>? errors)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }
}
