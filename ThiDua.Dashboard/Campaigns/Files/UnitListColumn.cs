namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>The columns of a campaign's unit list (CSV/XLSX), in template order.</summary>
public enum UnitListColumn
{
    Code,
    Name,
    Block,
    District,
    ActiveFrom,
    ActiveTo,
    Predecessors,
}

/// <summary>Header names: the Vietnamese of the template, or the campaign file's field names.</summary>
public static class UnitListColumns
{
    public static readonly IReadOnlyList<UnitListColumn> All = Enum.GetValues<UnitListColumn>();

    /// <summary>
    /// Separators of the codes in <c>tien_than</c>: ';' as written in the template, ',' accepted too.
    /// Neither can be part of a code, so either reads unambiguously.
    /// </summary>
    public static readonly char[] PredecessorSeparators = [';', ','];

    public static string Vietnamese(UnitListColumn column) => column switch
    {
        UnitListColumn.Code => "ma_don_vi",
        UnitListColumn.Name => "ten_don_vi",
        UnitListColumn.Block => "khoi",
        UnitListColumn.District => "quan_huyen",
        UnitListColumn.ActiveFrom => "hieu_luc_tu",
        UnitListColumn.ActiveTo => "hieu_luc_den",
        _ => "tien_than",
    };

    /// <summary>The campaign file's field of the column, which the unit checks name.</summary>
    public static string Field(UnitListColumn column) => column switch
    {
        UnitListColumn.Code => "code",
        UnitListColumn.Name => "name",
        UnitListColumn.Block => "block",
        UnitListColumn.District => "district",
        UnitListColumn.ActiveFrom => "activeFrom",
        UnitListColumn.ActiveTo => "activeTo",
        _ => "predecessors",
    };

    /// <summary>Code, name and block; a two-tier map has no district, and dates and lineage are often absent.</summary>
    public static bool IsRequired(UnitListColumn column) => column <= UnitListColumn.Block;

    public static UnitListColumn? FromHeader(string header)
    {
        var name = header.Trim().Trim('\uFEFF').Trim();
        foreach (var column in All)
            if (string.Equals(name, Vietnamese(column), StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, Field(column), StringComparison.OrdinalIgnoreCase))
                return column;
        return null;
    }

    public static UnitListColumn? FromField(string field)
    {
        foreach (var column in All)
            if (string.Equals(field, Field(column), StringComparison.Ordinal)) return column;
        return null;
    }
}
