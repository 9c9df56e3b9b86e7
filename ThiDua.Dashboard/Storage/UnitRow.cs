using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Storage;

/// <summary>A <c>units</c> row as SQLite returns it; dates stay text until converted explicitly.</summary>
internal sealed class UnitRow
{
    public const string SelectColumns =
        """
        SELECT code AS Code, name AS Name, block AS Block, district AS District,
               active_from AS ActiveFrom, active_to AS ActiveTo, merged_into AS MergedInto,
               registered_on AS RegisteredOn, nq02 AS Nq02, nq02_note AS Nq02Note
        FROM units
        WHERE campaign_id = @CampaignId
        """;

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Block { get; set; } = "";

    public string? District { get; set; }

    public string? ActiveFrom { get; set; }

    public string? ActiveTo { get; set; }

    public string? MergedInto { get; set; }

    public string? RegisteredOn { get; set; }

    public string? Nq02 { get; set; }

    public string? Nq02Note { get; set; }

    public UnitInfo ToUnitInfo() => new(
        Code,
        Name,
        Block,
        District,
        SqliteText.ToNullableDate(ActiveFrom),
        SqliteText.ToNullableDate(ActiveTo),
        MergedInto,
        SqliteText.ToNullableDate(RegisteredOn),
        Nq02Text.Parse(Nq02),
        Nq02Note);

    /// <summary>The parameters of an INSERT or UPDATE of every column but the timestamps.</summary>
    public static object Parameters(CampaignKey campaign, UnitInfo unit, string timestamp) => new
    {
        CampaignId = campaign.Id,
        unit.Code,
        unit.Name,
        unit.Block,
        unit.District,
        ActiveFrom = SqliteText.FromDate(unit.ActiveFrom),
        ActiveTo = SqliteText.FromDate(unit.ActiveTo),
        unit.MergedInto,
        RegisteredOn = SqliteText.FromDate(unit.RegisteredOn),
        Nq02 = Nq02Text.Format(unit.Nq02),
        unit.Nq02Note,
        Timestamp = timestamp,
    };
}

/// <summary>The stored (and API) spelling of an NQ 02 assessment: "met", "notMet", or null.</summary>
public static class Nq02Text
{
    public const string Met = "met";
    public const string NotMet = "notMet";

    public static string? Format(Nq02Assessment? assessment) => assessment switch
    {
        Nq02Assessment.Met => Met,
        Nq02Assessment.NotMet => NotMet,
        _ => null,
    };

    public static bool TryParse(string? text, out Nq02Assessment assessment)
    {
        var parsed = text switch { Met => Nq02Assessment.Met, NotMet => Nq02Assessment.NotMet, _ => (Nq02Assessment?)null };
        assessment = parsed.GetValueOrDefault();
        return parsed is not null;
    }

    public static Nq02Assessment? Parse(string? text) => text switch
    {
        Met => Nq02Assessment.Met,
        NotMet => Nq02Assessment.NotMet,
        null => null,
        _ => throw new InvalidOperationException($"Unknown stored NQ 02 assessment '{text}'."),
    };
}
