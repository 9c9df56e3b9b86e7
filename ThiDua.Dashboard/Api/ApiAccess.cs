using ThiDua.Dashboard.Accounts;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// Who may call an endpoint reserved to some roles: a signed-in user whose role allows it (with a
/// password of their own), or an admin API key. Everyone else gets 401 (no credentials) or 403.
/// </summary>
public static class ApiAccess
{
    /// <returns>The writer to audit the change under, or the 401/403 answer.</returns>
    public static async Task<(WriteActor? Writer, IResult? Refused)> RequireAsync(
        HttpContext context, ApiKeys keys, Func<SignedInUser, bool> userMay, string forbidden)
    {
        var (writer, _, refused) = await RequireRoleAsync(context, keys, userMay, forbidden);
        return (writer, refused);
    }

    /// <returns>As <see cref="RequireAsync"/>, with the role the caller acts in (an admin key acts as admin).</returns>
    public static async Task<(WriteActor? Writer, string? Role, IResult? Refused)> RequireRoleAsync(
        HttpContext context, ApiKeys keys, Func<SignedInUser, bool> userMay, string forbidden)
    {
        var user = SignedInUser.From(context.User);
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (user is { MustChangePassword: false } && userMay(user)) return (new WriteActor(user.UserName, user.Address ?? address, UnitScope.All), user.Role, null);
        var key = await keys.AuthenticateAsync(context.Request, context.RequestAborted);
        if (key is { IsAdmin: true }) return (key.Writer(context), Roles.Admin, null);
        if (user is null && key is null) return (null, null, Problems.Unauthorized());
        return (null, null, AccessProblems.Forbidden(forbidden));
    }
}
