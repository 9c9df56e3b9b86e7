namespace ThiDua.Scoring.Awards;

/// <summary>The City Office's assessment of a unit against the criteria of Nghị quyết 02/NQ-CP (the plan's standard a).</summary>
public enum Nq02Assessment
{
    Met,
    NotMet,
}

/// <summary>The city's classification on Bộ chỉ số 766, best first (the order the comparisons rely on).</summary>
public enum CityRating
{
    XuatSac,
    Tot,
    Kha,
    TrungBinh,
    Yeu,
}

/// <summary>A unit the City Office nominated for a committee slot.</summary>
public sealed record CommitteeNomination(string Block, string Slot, string Unit);

/// <summary>
/// What the City Office decided outside the boards and the awards depend on: its nominations for
/// committee slots and the city's 766 classification (null while not recorded).
/// </summary>
public sealed record AwardDecisions(IReadOnlyList<CommitteeNomination> Nominations, CityRating? CityRating)
{
    public static AwardDecisions None { get; } = new([], null);
}

/// <summary>Whether a committee slot's condition on the city's 766 classification holds.</summary>
/// <param name="Met">True when it holds, false when it does not, null while the classification is not recorded.</param>
/// <param name="Text">The condition as a Vietnamese sentence, for the slot's card.</param>
public sealed record SlotCondition(bool? Met, string Text);

/// <summary>The standard's wording every surface shares (award card, unit page, export, print view).</summary>
public static class StandardTexts
{
    /// <summary>The flag of a proposed unit the City Office has not yet assessed against Nghị quyết 02/NQ-CP.</summary>
    public const string Nq02NotAssessed = "Chưa đánh giá tiêu chuẩn Nghị quyết 02";

    public const string Nq02Met = "Đạt tiêu chí Nghị quyết 02/NQ-CP";
}
