using ThiDua.Scoring.Text;

namespace ThiDua.Scoring.Rules;

/// <summary>A group's bounds as a closed range of whole dossier counts, for overlap and hole checks.</summary>
internal readonly record struct DossierInterval(long Low, long High)
{
    public bool IsEmpty => Low > High;

    public static DossierInterval Of(GroupRules group)
    {
        var low = group.MinDossiers is { } min ? (group.MinInclusive ? min : min + 1) : 0;
        var high = group.MaxDossiers is { } max ? (group.MaxInclusive ? max : max - 1) : long.MaxValue;
        return new DossierInterval(Math.Max(0, low), high);
    }

    public bool Overlaps(DossierInterval other) => Low <= other.High && other.Low <= High;

    public DossierInterval Intersect(DossierInterval other) => new(Math.Max(Low, other.Low), Math.Min(High, other.High));

    public string Describe() =>
        Low == High ? $"đúng {Vi.Count(Low)} hồ sơ"
        : High == long.MaxValue ? $"từ {Vi.Count(Low)} hồ sơ trở lên"
        : $"từ {Vi.Count(Low)} đến {Vi.Count(High)} hồ sơ";
}
