using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Storage;

/// <summary>A <c>units</c> row as SQLite returns it; dates stay text until converted explicitly.</summary>
internal sealed class UnitRow
{
    public const string SelectColumns =
        """
        SELECT code AS Code, name AS Name, block AS Block, district AS District,
               active_from AS ActiveFrom, active_to AS ActiveTo, merged_into AS MergedInto,
               registered_on AS RegisteredOn
        FROM units
        """;

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Block { get; set; } = "";

    public string? District { get; set; }

    public string? ActiveFrom { get; set; }

    public string? ActiveTo { get; set; }

    public string? MergedInto { get; set; }

    public string? RegisteredOn { get; set; }

    public UnitInfo ToUnitInfo() => new(
        Code,
        Name,
        Block,
        District,
        SqliteText.ToNullableDate(ActiveFrom),
        SqliteText.ToNullableDate(ActiveTo),
        MergedInto,
        SqliteText.ToNullableDate(RegisteredOn));

    /// <summary>The parameters of an INSERT or UPDATE of every column but the timestamps.</summary>
    public static object Parameters(UnitInfo unit, string timestamp) => new
    {
        unit.Code,
        unit.Name,
        unit.Block,
        unit.District,
        ActiveFrom = SqliteText.FromDate(unit.ActiveFrom),
        ActiveTo = SqliteText.FromDate(unit.ActiveTo),
        unit.MergedInto,
        RegisteredOn = SqliteText.FromDate(unit.RegisteredOn),
        Timestamp = timestamp,
    };
}
