using Microsoft.AspNetCore.Mvc;
using ThiDua.Scoring.Text;

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

    public static IResult OutOfScope(IReadOnlyList<string> units)
    {
        // The codes come from the request: quoted shortened, like every echo of input.
        var echoed = units.Select(Echo.Input).ToList();
        return Forbidden($"Khóa hoặc tài khoản này chỉ được ghi số liệu cho các đơn vị được giao; không được ghi cho: {string.Join(", ", echoed)}. Không dòng nào được lưu.", echoed);
    }

    public static IResult SignInRequired() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Cần đăng nhập hoặc khóa API",
        Detail = "Hệ thống không cho phép xem ẩn danh: đăng nhập, hoặc gửi khóa API hợp lệ trong tiêu đề X-Api-Key.",
    });
}
