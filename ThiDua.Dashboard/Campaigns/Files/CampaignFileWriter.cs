using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// Writes a campaign as the file <see cref="CampaignFileReader"/> reads back to an equal definition: for
/// export and for "copy into a new campaign". UTF-8 without BOM, Vietnamese letters as they are, one
/// field of the rules per line and each block, group, content and unit on a line of its own, so that a
/// file of a hundred units stays readable and a change shows as one line in a diff. Null and empty
/// optional fields are left out.
/// </summary>
public static class CampaignFileWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    // Relaxed escaping keeps "Thới Bình" readable in the file; it is never embedded in HTML.
    private static readonly JsonWriterOptions OneLine = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string WriteString(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var rules = definition.Rules;
        var fields = new List<(string Name, string Json)>
        {
            ("code", Json(w => w.WriteStringValue(rules.Code))),
            ("name", Json(w => w.WriteStringValue(rules.Name))),
            ("timeZone", Json(w => w.WriteStringValue(rules.TimeZone))),
            ("periodStart", Json(w => w.WriteStringValue(Date(rules.PeriodStart)))),
            ("periodEnd", Json(w => w.WriteStringValue(Date(rules.PeriodEnd)))),
            ("registrationDeadline", Json(w => w.WriteStringValue(Date(rules.RegistrationDeadline)))),
        };
        if (rules.DossierDeadline is { } dossierDeadline) fields.Add(("dossierDeadline", Json(w => w.WriteStringValue(Date(dossierDeadline)))));
        fields.Add(("comparisonDays", Json(w => w.WriteNumberValue(rules.ComparisonDays))));
        fields.Add(("tieBreakers", Json(w => StringArray(w, rules.TieBreakers))));
        fields.Add(("blocks", Lines(rules.Blocks, WriteBlock)));
        fields.Add(("groups", Lines(rules.Groups, WriteGroup)));
        fields.Add(("indicators", Lines(rules.Indicators, WriteIndicator)));
        fields.Add(("units", Lines(definition.Units, WriteUnit)));

        var text = new System.Text.StringBuilder("{\n");
        for (var i = 0; i < fields.Count; i++)
            text.Append("  ").Append(Json(w => w.WriteStringValue(fields[i].Name))).Append(": ").Append(fields[i].Json)
                .Append(i < fields.Count - 1 ? ",\n" : "\n");
        return text.Append("}\n").ToString();
    }

    public static byte[] Write(CampaignDefinition definition) => System.Text.Encoding.UTF8.GetBytes(WriteString(definition));

    /// <summary>A list with one item per line, or <c>[]</c>.</summary>
    private static string Lines<T>(IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write) =>
        items.Count == 0 ? "[]" : "[\n    " + string.Join(",\n    ", items.Select(item => Json(w => write(w, item)))) + "\n  ]";

    /// <summary>One JSON value on one line.</summary>
    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, OneLine))
            write(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void StringArray(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static void WriteBlock(Utf8JsonWriter writer, BlockRules block)
    {
        writer.WriteStartObject();
        writer.WriteString("code", block.Code);
        writer.WriteString("name", block.Name);
        if (block.CommitteeSlots.Count > 0)
        {
            writer.WriteStartArray("committeeSlots");
            foreach (var slot in block.CommitteeSlots)
            {
                writer.WriteStartObject();
                writer.WriteString("code", slot.Code);
                writer.WriteString("name", slot.Name);
                writer.WriteNumber("count", slot.Count);
                if (slot.MinCityRating is { } rating) writer.WriteString("minCityRating", rating.ToString());
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter writer, GroupRules group)
    {
        writer.WriteStartObject();
        writer.WriteString("block", group.Block);
        writer.WriteString("code", group.Code);
        writer.WriteString("name", group.Name);
        if (group.MinDossiers is { } min) writer.WriteNumber("minDossiers", min);
        writer.WriteBoolean("minInclusive", group.MinInclusive);
        if (group.MaxDossiers is { } max) writer.WriteNumber("maxDossiers", max);
        writer.WriteBoolean("maxInclusive", group.MaxInclusive);
        writer.WriteNumber("awardSlots", group.AwardSlots);
        writer.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter writer, IndicatorRules indicator)
    {
        writer.WriteStartObject();
        writer.WriteString("code", indicator.Code);
        writer.WriteString("name", indicator.Name);
        writer.WriteNumber("maxPoints", Normal(indicator.MaxPoints));
        writer.WriteNumber("fullCreditAt", Normal(indicator.FullCreditAt));
        writer.WriteString("whenNothingArose", indicator.WhenNothingArose.ToString());
        Strings(writer, "appliesTo", indicator.AppliesTo, always: true);
        if (indicator.Nq02MinRate is { } nq02) writer.WriteNumber("nq02MinRate", Normal(nq02));
        writer.WriteEndObject();
    }

    private static void WriteUnit(Utf8JsonWriter writer, CampaignUnit unit)
    {
        writer.WriteStartObject();
        writer.WriteString("code", unit.Code);
        writer.WriteString("name", unit.Name);
        writer.WriteString("block", unit.Block);
        if (unit.District is { } district) writer.WriteString("district", district);
        if (unit.ActiveFrom is { } from) writer.WriteString("activeFrom", Date(from));
        if (unit.ActiveTo is { } to) writer.WriteString("activeTo", Date(to));
        Strings(writer, "predecessors", unit.Predecessors, always: false);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values, bool always)
    {
        if (values.Count == 0 && !always) return;
        writer.WritePropertyName(name);
        StringArray(writer, values);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // 0.50 and 0.5 are the same rate; written the same, two equal campaigns give the same file.
    private static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;
}
