using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// Reads a campaign file (the rules, a <c>code</c> and <c>units[]</c>; see docs/campaign-file.md) and
/// reports every finding in Vietnamese: a syntax error with its line and column, every field of the
/// wrong type, the rule validator's errors and warnings placed in the file, and every unit error.
/// Never throws for what a file holds.
/// </summary>
public static class CampaignFileReader
{
    /// <summary>A campaign file is a few hundred kilobytes even with a thousand units; anything far larger is not one.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    internal static readonly string[] RootFields =
        ["code", "name", "timeZone", "periodStart", "periodEnd", "registrationDeadline", "dossierDeadline", "comparisonDays", "tieBreakers", "blocks", "groups", "indicators", "units"];
    internal static readonly string[] BlockFields = ["code", "name", "committeeSlots"];
    internal static readonly string[] SlotFields = ["code", "name", "count", "minCityRating"];
    internal static readonly string[] GroupFields = ["block", "code", "name", "minDossiers", "minInclusive", "maxDossiers", "maxInclusive", "awardSlots"];
    internal static readonly string[] IndicatorFields = ["code", "name", "maxPoints", "fullCreditAt", "whenNothingArose", "appliesTo", "nq02MinRate"];
    internal static readonly string[] RulesFields = [.. RootFields.Where(f => f != "units")];
    internal static readonly string[] UnitFields = ["code", "name", "block", "district", "activeFrom", "activeTo", "predecessors"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // People edit these files by hand: a note or a comma left after the last item should not cost them a round trip.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static CampaignFileReport Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    public static CampaignFileReport Read(Stream stream) => Parse(stream, ReadCampaign);

    public static CampaignFileReport Read(ReadOnlySpan<byte> bytes) => Parse(bytes, ReadCampaign);

    /// <summary>
    /// The rules part alone (PUT …/rules): the file's fields without <c>units</c>, read the same way. Only
    /// what the text itself holds is reported here; the rules are checked with the units they go with by <see cref="Check"/>.
    /// </summary>
    public static CampaignFilePart<CampaignRules> ReadRules(Stream stream)
    {
        var report = Parse(stream, ReadRulesPart);
        return new(report.Definition?.Rules, report.Errors, report.Warnings);
    }

    /// <summary>
    /// A unit list alone (PUT …/units): <c>[ … ]</c> or <c>{ "units": [ … ] }</c>, each unit as in the file.
    /// Only what the text itself holds is reported here; the units are checked with their rules by <see cref="Check"/>.
    /// </summary>
    public static CampaignFilePart<IReadOnlyList<CampaignUnit>> ReadUnits(Stream stream)
    {
        var report = Parse(stream, ReadUnitsPart);
        return new(report.Definition?.Units, report.Errors, report.Warnings);
    }

    /// <summary>
    /// Every check a campaign file gets, on a campaign however it came (a file, a copy, a draft whose rules
    /// or units were replaced): its code, the rule validator's findings and the unit list's, with the file's paths.
    /// </summary>
    public static CampaignFileReport Check(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var findings = new Findings();
        CheckCode(definition.Rules.Code, findings);
        CheckRules(definition.Rules, findings);
        CheckUnits(definition.Units, definition.Rules, "units", findings);
        return Report(definition, findings);
    }

    private static CampaignFileReport Parse(Stream stream, Func<JsonElement, CampaignFileReport> read)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while ((count = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + count > MaxBytes)
                return Refused("file-too-large", $"Tệp lớn quá {MaxBytes / (1024 * 1024)} MB, không phải một tệp đợt thi đua.");
            buffer.Write(chunk, 0, count);
        }
        return Parse(buffer.ToArray(), read);
    }

    private static CampaignFileReport Parse(ReadOnlySpan<byte> bytes, Func<JsonElement, CampaignFileReport> read)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        if (bytes.IsEmpty || bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8) < 0)
            return Refused("file-empty", "Tệp trống.");
        if (!Utf8.IsValid(bytes))
            return Refused("file-encoding", "Tệp không phải văn bản UTF-8; hãy lưu lại tệp với bảng mã UTF-8.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = Column(bytes, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            var finding = new CampaignFileFinding("json-syntax", "",
                $"Tệp không đúng cú pháp JSON ở dòng {line}, cột {column}: kiểm tra dấu phẩy, dấu ngoặc kép và các cặp ngoặc {{ }} [ ] quanh chỗ đó.",
                line, column);
            return new CampaignFileReport(null, [finding], []);
        }
        using (document)
            return read(document.RootElement);
    }

    private static CampaignFileReport ReadCampaign(JsonElement root)
    {
        var findings = new Findings();
        var fields = JsonFields.Of(root, "", RootFields, findings);
        if (fields is null) return Report(null, findings);

        var rules = ReadRulesFields(fields);
        if (!fields.Has("code"))
            findings.Error("code-missing", "code", "Chưa đặt mã đợt thi đua, ví dụ “can-tho-2025”.");
        else
            CheckCode(rules.Code, findings);

        var units = fields.Objects("units", UnitFields, ReadUnit);
        if (!fields.Has("units") || units.Count == 0)
            findings.Warning("units-missing", "units", "Tệp chưa có đơn vị nào; cần nhập danh sách đơn vị trước khi kích hoạt đợt thi đua.");

        CheckRules(rules, findings);
        CheckUnits(units, rules, fields.PathOf("units"), findings);
        return Report(new CampaignDefinition(rules, units), findings);
    }

    private static CampaignFileReport ReadRulesPart(JsonElement root)
    {
        var findings = new Findings();
        var fields = JsonFields.Of(root, "", RulesFields, findings);
        return Report(fields is null ? null : new CampaignDefinition(ReadRulesFields(fields), []), findings);
    }

    private static CampaignFileReport ReadUnitsPart(JsonElement root)
    {
        var findings = new Findings();
        // A bare list reads as the file's "units" field, so its units have the same paths (units[2].block).
        var wrapped = root.ValueKind == JsonValueKind.Array ? JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement> { ["units"] = root }) : root;
        var fields = JsonFields.Of(wrapped, "", ["units"], findings);
        return Report(fields is null ? null : new CampaignDefinition(new CampaignRules(), fields.Objects("units", UnitFields, ReadUnit)), findings);
    }

    private static CampaignRules ReadRulesFields(JsonFields fields) => new()
    {
        Code = fields.String("code"),
        Name = fields.String("name"),
        TimeZone = fields.NullableString("timeZone") ?? new CampaignRules().TimeZone,
        PeriodStart = fields.Date("periodStart"),
        PeriodEnd = fields.Date("periodEnd"),
        RegistrationDeadline = fields.Date("registrationDeadline"),
        DossierDeadline = fields.NullableDate("dossierDeadline"),
        ComparisonDays = fields.Int("comparisonDays", new CampaignRules().ComparisonDays),
        TieBreakers = fields.Strings("tieBreakers"),
        Blocks = fields.Objects("blocks", BlockFields, ReadBlock),
        Groups = fields.Objects("groups", GroupFields, ReadGroup),
        Indicators = fields.Objects("indicators", IndicatorFields, ReadIndicator),
    };

    private static void CheckCode(string code, Findings findings)
    {
        if (code.Length == 0)
            findings.Error("code-missing", "code", "Chưa đặt mã đợt thi đua, ví dụ “can-tho-2025”.");
        else if (!CodeFormat.IsValid(code))
            findings.Error("code-format", "code", $"Mã đợt thi đua “{Echo.Input(code)}” không hợp lệ: mã {CodeFormat.Rule}.");
    }

    private static void CheckUnits(IReadOnlyList<CampaignUnit> units, CampaignRules rules, string unitsPath, Findings findings) =>
        UnitChecks.Check(units, rules, i => $"đơn vị thứ {i + 1}", (isError, index, field, code, message) =>
        {
            var path = index < 0 ? unitsPath : field.Length == 0 ? $"{unitsPath}[{index}]" : $"{unitsPath}[{index}].{field}";
            if (isError) findings.Error(code, path, message);
            else findings.Warning(code, path, message);
        });

    private static CampaignFileReport Report(CampaignDefinition? definition, Findings findings) =>
        new(findings.Errors.Count == 0 ? definition : null, findings.Errors, findings.Warnings);

    /// <summary>The scoring library's own validator, its findings moved from settings keys to places in the file.</summary>
    internal static void CheckRules(CampaignRules rules, Findings findings)
    {
        var validation = RulesValidator.Validate(rules, keyPrefix: "");
        foreach (var error in validation.Errors)
            findings.Error(error.Code, FileLocation.PathOfKey(error.Key), error.Message);
        foreach (var warning in validation.Warnings)
            findings.Warning(warning.Code, FileLocation.PathOfKey(warning.Key), warning.Message);
    }

    private static BlockRules ReadBlock(JsonFields f) => new()
    {
        Code = f.String("code"),
        Name = f.String("name"),
        CommitteeSlots = f.Objects("committeeSlots", SlotFields, ReadSlot),
    };

    private static CommitteeSlotRules ReadSlot(JsonFields f) => new()
    {
        Code = f.String("code"),
        Name = f.String("name"),
        Count = f.Int("count", new CommitteeSlotRules().Count),
        MinCityRating = f.NullableEnum<CityRating>("minCityRating"),
    };

    private static GroupRules ReadGroup(JsonFields f)
    {
        var defaults = new GroupRules();
        return new GroupRules
        {
            Block = f.String("block"),
            Code = f.String("code"),
            Name = f.String("name"),
            MinDossiers = f.NullableLong("minDossiers"),
            MinInclusive = f.Bool("minInclusive", defaults.MinInclusive),
            MaxDossiers = f.NullableLong("maxDossiers"),
            MaxInclusive = f.Bool("maxInclusive", defaults.MaxInclusive),
            AwardSlots = f.Int("awardSlots", defaults.AwardSlots),
        };
    }

    private static IndicatorRules ReadIndicator(JsonFields f)
    {
        var defaults = new IndicatorRules();
        return new IndicatorRules
        {
            Code = f.String("code"),
            Name = f.String("name"),
            MaxPoints = f.Decimal("maxPoints", defaults.MaxPoints),
            FullCreditAt = f.Decimal("fullCreditAt", defaults.FullCreditAt),
            WhenNothingArose = f.Enum("whenNothingArose", defaults.WhenNothingArose),
            AppliesTo = f.Strings("appliesTo"),
            Nq02MinRate = f.NullableDecimal("nq02MinRate"),
        };
    }

    private static CampaignUnit ReadUnit(JsonFields f) => new(
        f.String("code"),
        f.String("name"),
        f.String("block"),
        f.NullableString("district") is { Length: > 0 } district ? district : null,
        f.NullableDate("activeFrom"),
        f.NullableDate("activeTo"),
        f.Strings("predecessors"));

    private static CampaignFileReport Refused(string code, string message) =>
        new(null, [new CampaignFileFinding(code, "", message)], []);

    /// <summary>The 1-based character column of a byte offset within a line, so that a line with Vietnamese letters points at the right place.</summary>
    private static int Column(ReadOnlySpan<byte> bytes, int lineIndex, int bytePosition)
    {
        var start = 0;
        for (var line = 0; line < lineIndex; line++)
        {
            var next = bytes[start..].IndexOf((byte)'\n');
            if (next < 0) break;
            start += next + 1;
        }
        var length = Math.Clamp(bytePosition, 0, bytes.Length - start);
        return Encoding.UTF8.GetCharCount(bytes.Slice(start, length)) + 1;
    }
}
