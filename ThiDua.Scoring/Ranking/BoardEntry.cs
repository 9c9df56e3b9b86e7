namespace ThiDua.Scoring.Ranking;

/// <summary>One line of a board.</summary>
/// <param name="Score">The shown score: rounded to 2 decimals, half away from zero.</param>
/// <param name="Tied">Another unit of the board shares this rank.</param>
/// <param name="PreviousRank">Rank at the comparison date when the unit was on this same board then.</param>
/// <param name="PreviousGroup">The unit's group at the comparison date; null when not grouped, not active, or before the campaign.</param>
/// <param name="Dossiers">Dossiers resolved as of the date; null when never reported.</param>
public readonly record struct BoardEntry(
    int Rank,
    string Unit,
    string Name,
    decimal Score,
    bool Tied,
    int? PreviousRank,
    string? PreviousGroup,
    long? Dossiers)
{
    /// <summary>Places gained since the comparison date (negative when lost); null when new to the board.</summary>
    public int? Movement => PreviousRank is { } previous ? previous - Rank : null;
}
