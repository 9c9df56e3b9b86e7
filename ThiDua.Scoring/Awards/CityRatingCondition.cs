using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Scoring.Awards;

/// <summary>A committee slot's condition on the city's Bộ chỉ số 766 classification (the plan: "tốt" or better for the tham mưu slot).</summary>
public static class CityRatingCondition
{
    /// <summary>The condition as it stands for <paramref name="rating"/>; null when the slot has none.</summary>
    public static SlotCondition? Of(CommitteeSlotRules rules, CityRating? rating)
    {
        if (rules.MinCityRating is not { } min) return null;
        var required = $"xếp loại từ {Vi.Rating(min)} trở lên";
        // The enum runs from best to worst, so "at least min" is "not after min".
        return rating switch
        {
            null => new SlotCondition(null, $"Chưa ghi nhận xếp loại Bộ chỉ số 766 của thành phố; suất này chỉ được trao khi {required}."),
            { } r when r <= min => new SlotCondition(true, $"Xếp loại Bộ chỉ số 766 của thành phố: {Vi.Rating(r)} — đạt điều kiện {required}."),
            { } r => new SlotCondition(false, $"Xếp loại Bộ chỉ số 766 của thành phố là {Vi.Rating(r)}, chưa đạt điều kiện {required}: suất này chưa thể trao."),
        };
    }
}
