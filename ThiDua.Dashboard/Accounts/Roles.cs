using System.Security.Claims;

namespace ThiDua.Dashboard.Accounts;

/// <summary>The five roles. A user has exactly one.</summary>
public static class Roles
{
    /// <summary>Everything: users, keys, units, figures of every unit, the audit trail.</summary>
    public const string Admin = "admin";

    /// <summary>Enters and imports figures, only for the units in the user's scope.</summary>
    public const string Editor = "editor";

    /// <summary>The City Office's selection (xét chọn) of the award units: nominations. The code keeps its name.</summary>
    public const string Committee = "committee";

    /// <summary>Ban Thi đua - Khen thưởng: appraises the City Office's fixed proposal, or returns it with comments.</summary>
    public const string Appraiser = "appraiser";

    /// <summary>Reads only.</summary>
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, Committee, Appraiser, Viewer];

    public static bool IsKnown(string? role) => role is Admin or Editor or Committee or Appraiser or Viewer;

    /// <summary>Vietnamese name for the screens.</summary>
    public static string Label(string role) => role switch
    {
        Admin => "Quản trị",
        Editor => "Nhập liệu",
        Committee => Wording.ReviewChain.SelectorRole,
        Appraiser => Wording.ReviewChain.AppraiserRole,
        Viewer => "Chỉ xem",
        _ => role,
    };

    public static bool MayWriteFigures(string? role) => role is Admin or Editor;
}

/// <summary>Authorization policy names, for <c>[Authorize(Policy = …)]</c> and <c>IAuthorizationService</c>.</summary>
public static class Policies
{
    /// <summary>Role admin.</summary>
    public const string Admin = "thidua.admin";

    /// <summary>Role admin or editor (an editor within the units of its scope).</summary>
    public const string WriteFigures = "thidua.write-figures";

    /// <summary>Award nominations: role committee or admin.</summary>
    public const string Nominate = "thidua.nominate";

    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = "thidua.signed-in";
}

/// <summary>The claims of the sign-in cookie beyond name and role.</summary>
public static class AccountClaims
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string DisplayName = "thidua:display-name";
    /// <summary>A JSON array of unit codes; absent when the user may write every unit.</summary>
    public const string Units = "thidua:units";
    public const string SecurityStamp = "thidua:stamp";
    /// <summary>Present (value "true") until the user has replaced a password set by someone else.</summary>
    public const string MustChangePassword = "thidua:must-change-password";
    /// <summary>The client address at sign-in.</summary>
    public const string Address = "thidua:address";
    /// <summary>The id of the screen link a read-only screen signed in with (present only on screens).</summary>
    public const string ScreenLink = "thidua:screen-link";
    /// <summary>The first 16 hex digits of the screen link's token hash, checked with the id.</summary>
    public const string ScreenStamp = "thidua:screen-stamp";
}
