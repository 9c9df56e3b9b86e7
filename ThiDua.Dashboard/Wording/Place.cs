using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Wording;

/// <summary>A unit's place on its board, said the same way on every page.</summary>
public static class Place
{
    public const string NoDataYet = "Chưa có số liệu";

    /// <summary>
    /// "Hạng 12/14"; a unit without a single figure has no place to speak of (0,00 beside others at
    /// 0,00 is no "Hạng 1"), so it reads "Chưa có số liệu".
    /// </summary>
    public static string Text(int rank, int boardSize, bool hasData) =>
        hasData ? $"Hạng {rank.ToString(Vi.Culture)}/{boardSize.ToString(Vi.Culture)}" : NoDataYet;
}
