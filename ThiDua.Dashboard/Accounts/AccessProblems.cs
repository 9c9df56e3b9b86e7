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

    /// <summary>A write refused by the one scope rule (<c>FigureIngestion.Authorize</c>), in its own words.</summary>
    public static IResult OutOfScope(UnitScopeException refused) => Forbidden(refused.Message, refused.Units);

    public static IResult SignInRequired() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Cần đăng nhập hoặc khóa API",
        Detail = "Hệ thống không cho phép xem ẩn danh: đăng nhập, hoặc gửi khóa API hợp lệ trong tiêu đề X-Api-Key.",
    });
}
