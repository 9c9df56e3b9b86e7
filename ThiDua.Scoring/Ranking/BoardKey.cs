namespace ThiDua.Scoring.Ranking;

/// <summary>A board: a block's size group, or the block's "not grouped" board when <see cref="Group"/> is null.</summary>
public readonly record struct BoardKey(string Block, string? Group)
{
    public bool IsNotGrouped => Group is null;

    public override string ToString() => Group is null ? $"{Block}/(chưa xếp nhóm)" : $"{Block}/{Group}";
}
