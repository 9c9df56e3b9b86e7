namespace ThiDua.Dashboard.Wording;

/// <summary>
/// Who selects, appraises and decides the awards, in the words of Kế hoạch 74/KH-UBND (III.5, IV.2).
/// The plan names no council: every page, export and print view takes its wording from here.
/// </summary>
public static class ReviewChain
{
    /// <summary>The body that selects the outstanding units of each group and rules on ties.</summary>
    public const string Selector = "Văn phòng UBND thành phố";

    /// <summary>The role label of the users who record the selection (role <c>committee</c> in settings and the API).</summary>
    public const string SelectorRole = Selector + " (xét chọn)";

    /// <summary>The body that appraises the City Office's proposal (role <c>appraiser</c>).</summary>
    public const string Appraiser = "Ban Thi đua - Khen thưởng thành phố";

    /// <summary>The role label of the users who record the appraisal.</summary>
    public const string AppraiserRole = Appraiser + " (thẩm định)";

    /// <summary>Who signs the decision.</summary>
    public const string Decider = "Chủ tịch UBND thành phố";

    /// <summary>The whole chain, from the selection to the decision.</summary>
    public const string Chain =
        Selector + " xét chọn → Ban Thi đua - Khen thưởng thành phố thẩm định → Chủ tịch UBND thành phố quyết định";

    /// <summary>What happens when more units share the last award slot than it holds: the plan sets no tie-break.</summary>
    public const string TieAtLastSlot = Selector + " xét chọn, trình Chủ tịch UBND thành phố quyết định";

    /// <summary>A slot given by selection rather than by rank.</summary>
    public const string BySelection = Selector + " xét chọn";

    /// <summary>A selection slot with nobody nominated yet.</summary>
    public const string NoNomination = "Chưa có đề cử của " + Selector;
}
