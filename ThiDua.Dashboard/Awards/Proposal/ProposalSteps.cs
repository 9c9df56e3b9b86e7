using ThiDua.Dashboard.Accounts;

namespace ThiDua.Dashboard.Awards.Proposal;

/// <summary>Where the proposal stands. Only <see cref="Draft"/> follows the live boards.</summary>
public static class ProposalStates
{
    public const string Draft = "draft";
    public const string Selected = "selected";
    public const string Appraised = "appraised";
    public const string Decided = "decided";

    public static string Label(string state) => state switch
    {
        Draft => "Dự thảo (theo bảng xếp hạng trực tiếp)",
        Selected => "Đã xét chọn, chờ thẩm định",
        Appraised => "Đã thẩm định, chờ quyết định",
        Decided => "Đã có quyết định khen thưởng",
        _ => state,
    };
}

/// <summary>
/// The steps <c>POST /api/v1/awards/proposal/transitions</c> takes (its <c>to</c>), who may take each
/// and from where: the plan's chain (III.5, IV.2) — the City Office selects, Ban Thi đua - Khen thưởng
/// appraises or returns, the Chairman's decision is recorded by an admin, who may also reopen.
/// An admin may take every step (it acts for the office whose account is missing; the audit says who).
/// </summary>
public static class ProposalActions
{
    public const string Select = "selected";
    public const string Appraise = "appraised";
    public const string Return = "returned";
    public const string Decide = "decided";
    public const string Reopen = "reopened";

    public static IReadOnlyList<string> All { get; } = [Select, Appraise, Return, Decide, Reopen];

    /// <summary>The state a step leads to (a return goes back to the selected list; a reopening back to the live draft).</summary>
    public static string Target(string action) => action switch
    {
        Select => ProposalStates.Selected,
        Appraise => ProposalStates.Appraised,
        Return => ProposalStates.Selected,
        Decide => ProposalStates.Decided,
        Reopen => ProposalStates.Draft,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The states a step may start from.</summary>
    public static IReadOnlyList<string> From(string action) => action switch
    {
        // Selecting again after a return replaces the fixed list.
        Select => [ProposalStates.Draft, ProposalStates.Selected],
        Appraise => [ProposalStates.Selected],
        Return => [ProposalStates.Selected, ProposalStates.Appraised],
        Decide => [ProposalStates.Appraised],
        Reopen => [ProposalStates.Selected, ProposalStates.Appraised, ProposalStates.Decided],
        _ => [],
    };

    /// <summary>The role that takes a step besides admin.</summary>
    public static string? OfficeRole(string action) => action switch
    {
        Select => Roles.Committee,
        Appraise or Return => Roles.Appraiser,
        _ => null,
    };

    public static bool MayTake(string role, string action) => role == Roles.Admin || OfficeRole(action) == role;

    /// <summary>Who may take a step, for the 403 answer.</summary>
    public static string WhoMay(string action) => action switch
    {
        Select => $"Chỉ {Wording.ReviewChain.Selector} (tài khoản xét chọn) hoặc quản trị viên được chốt danh sách đề nghị.",
        Appraise => $"Chỉ {Wording.ReviewChain.Appraiser} (tài khoản thẩm định) hoặc quản trị viên được ghi kết quả thẩm định.",
        Return => $"Chỉ {Wording.ReviewChain.Appraiser} (tài khoản thẩm định) hoặc quản trị viên được trả lại đề xuất.",
        Decide => $"Chỉ quản trị viên được ghi quyết định của {Wording.ReviewChain.Decider}.",
        _ => "Chỉ quản trị viên được mở lại đề xuất.",
    };

    /// <summary>The step as the history and the audit trail say it.</summary>
    public static string Label(string action) => action switch
    {
        Select => $"{Wording.ReviewChain.Selector} chốt danh sách đề nghị",
        Appraise => $"{Wording.ReviewChain.Appraiser} thẩm định: đồng ý",
        Return => $"{Wording.ReviewChain.Appraiser} trả lại để xem xét",
        Decide => $"{Wording.ReviewChain.Decider} quyết định khen thưởng",
        Reopen => "Mở lại đề xuất",
        _ => action,
    };
}
