using Microsoft.AspNetCore.Mvc;

namespace ThiDua.Dashboard.Accounts;

/// <summary>The access answers of the API: problem+json with a Vietnamese title, like every other API error.</summary>
public static class AccessProblems
{
    public static IResult Forbidden(string detail, IReadOnlyList<string>? units = null)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Không được phép", Detail = detail };
        if (units is not null) problem.Extensions["units"] = units;
        return TypedResults.Problem(problem);
    }

    public static IResult OutOfScope(IReadOnlyList<string> units) =>
        Forbidden($"Khóa hoặc tài khoản này chỉ được ghi số liệu cho các đơn vị được giao; không được ghi cho: {string.Join(", ", units)}. Không dòng nào được lưu.", units);

    public static IResult SignInRequired() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Cần đăng nhập hoặc khóa API",
        Detail = "Hệ thống không cho phép xem ẩn danh: đăng nhập, hoặc gửi khóa API hợp lệ trong tiêu đề X-Api-Key.",
    });
}
