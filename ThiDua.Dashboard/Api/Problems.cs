using Microsoft.AspNetCore.Mvc;

namespace ThiDua.Dashboard.Api;

/// <summary>An item error of a 400: which item, which field, why (Vietnamese).</summary>
public sealed record ItemError(int Index, string Field, string Message);

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

    public static IResult Unauthorized() =>
        Make<ItemError>(StatusCodes.Status401Unauthorized, "Thiếu hoặc sai khóa API",
            $"Gửi khóa API hợp lệ trong tiêu đề {ApiKeys.Header}.", null);

    public static IResult UnitNotFound(string code) =>
        Make<ItemError>(StatusCodes.Status404NotFound, "Không tìm thấy đơn vị", $"Không có đơn vị mã “{code}”.", null);

    public static IResult Unavailable(string detail) =>
        Make<ItemError>(StatusCodes.Status503ServiceUnavailable, "Dịch vụ chưa sẵn sàng", detail, null);

    private static IResult Make<T>(int status, string title, string? detail, IReadOnlyList<T>? errors)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null) problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }
}
