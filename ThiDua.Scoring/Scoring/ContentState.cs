namespace ThiDua.Scoring.Scoring;

/// <summary>The four situations a content can be in for one unit; they stay distinct everywhere.</summary>
public enum ContentState : byte
{
    /// <summary>Never reported: 0 points, counted as available, flagged "chưa có số liệu".</summary>
    NoData,
    /// <summary>Reported with denominator 0: handled by the content's policy.</summary>
    NothingArose,
    /// <summary>A real rate, scored against the full-credit threshold.</summary>
    Rate,
    /// <summary>The content does not apply to the unit's block: left out.</summary>
    NotApplicable,
}
