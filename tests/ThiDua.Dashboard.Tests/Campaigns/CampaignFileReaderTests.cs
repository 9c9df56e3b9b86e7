using System.Text;
using System.Text.Json.Nodes;
using ThiDua.Dashboard.Campaigns.Files;
using static ThiDua.Dashboard.Tests.Campaigns.CampaignJson;

namespace ThiDua.Dashboard.Tests.Campaigns;

public sealed class CampaignFileReaderTests
{
    [Fact]
    public void Read_ValidFile_GivesDefinitionWithoutFindings()
    {
        var report = Read(Valid());

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        var definition = Assert.IsType<ThiDua.Dashboard.Campaigns.CampaignDefinition>(report.Definition);
        Assert.Equal("thu-nghiem", definition.Rules.Code);
        Assert.Equal(new DateOnly(2025, 12, 31), definition.Rules.PeriodEnd);
        Assert.Equal("Asia/Ho_Chi_Minh", definition.Rules.TimeZone);
        Assert.Equal(7, definition.Rules.ComparisonDays);
        Assert.Equal(["u1", "u2"], definition.Units.Select(u => u.Code));
        Assert.All(definition.Units, u => Assert.Null(u.District));
    }

    [Fact]
    public void Read_PascalCaseKeysCommentsAndTrailingCommas_AreAccepted()
    {
        // A section copied from appsettings.json is PascalCase; a hand-edited file has notes and stray commas.
        var json = Valid().ToJsonString().Replace("\"periodEnd\"", "\"PeriodEnd\"").Replace("\"units\":[", "/* đơn vị */ \"units\":[")
            .Replace("\"block\":\"k\"}]", "\"block\":\"k\"},]");

        var report = CampaignFileReader.Read(json);

        Assert.Empty(report.Errors);
        Assert.Equal(new DateOnly(2025, 12, 31), report.Definition!.Rules.PeriodEnd);
    }

    [Fact]
    public void Read_MissingComma_SaysLineAndColumn()
    {
        var report = CampaignFileReader.Read("{\n  \"code\": \"a\"\n  \"name\": \"b\"\n}");

        var error = Assert.Single(report.Errors);
        Assert.Equal(("json-syntax", 3, 3), (error.Code, error.Line, error.Column));
        Assert.Equal("Tệp không đúng cú pháp JSON ở dòng 3, cột 3: kiểm tra dấu phẩy, dấu ngoặc kép và các cặp ngoặc { } [ ] quanh chỗ đó.", error.Message);
    }

    [Fact]
    public void Read_SyntaxErrorAfterVietnameseLetters_CountsCharactersNotBytes()
    {
        // "Thới Bình" is 9 characters but 13 bytes in UTF-8; the organiser's editor counts characters.
        var report = CampaignFileReader.Read("{\n\"name\": \"Thới Bình\" x\n}");

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, 21), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n ")]
    public void Read_EmptyFile_SaysSo(string json) =>
        AssertOnlyError(CampaignFileReader.Read(json), "file-empty", "", "Tệp trống.");

    [Fact]
    public void Read_NotUtf8_SaysToSaveAsUtf8()
    {
        var report = CampaignFileReader.Read(new MemoryStream([(byte)'{', 0xC3, 0x28, (byte)'}']));

        AssertOnlyError(report, "file-encoding", "", "Tệp không phải văn bản UTF-8; hãy lưu lại tệp với bảng mã UTF-8.");
    }

    [Fact]
    public void Read_Utf8WithByteOrderMark_IsRead()
    {
        var report = CampaignFileReader.Read(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Valid().ToJsonString())]));

        Assert.True(report.IsValid);
    }

    [Fact]
    public void Read_HugeStream_IsRefusedWithoutReadingItAll()
    {
        var report = CampaignFileReader.Read(new MemoryStream(new byte[CampaignFileReader.MaxBytes + 1]));

        AssertOnlyError(report, "file-too-large", "", "Tệp lớn quá 4 MB, không phải một tệp đợt thi đua.");
    }

    [Fact]
    public void Read_RootIsAList_SaysAnObjectIsExpected() =>
        AssertOnlyError(CampaignFileReader.Read("[]"), "type-object", "", "Giá trị phải là một đối tượng trong ngoặc nhọn { … }.");

    [Fact]
    public void Read_UnitThatIsNotAnObject_IsPlacedInTheList()
    {
        var file = Valid();
        file["units"]!.AsArray()[1] = "u2";

        AssertOnlyError(Read(file), "type-object", "units[1]", "Đơn vị thứ 2 (units[1]): Giá trị phải là một đối tượng trong ngoặc nhọn { … }.");
    }

    [Fact]
    public void Read_SeedStyleMergedInto_IsAnUnknownField()
    {
        var file = Valid();
        Unit(file, 0)["mergedInto"] = "u2";

        AssertOnlyError(Read(file), "field-unknown", "units[0].mergedInto",
            "Đơn vị thứ 1, trường “mergedInto” (units[0].mergedInto): Trường “mergedInto” không có trong định dạng tệp đợt thi đua; ở đây chỉ dùng: code, name, block, district, activeFrom, activeTo, predecessors.");
    }

    [Fact]
    public void Read_FieldWrittenTwice_SaysSo()
    {
        var json = Valid().ToJsonString().Replace("\"code\":\"thu-nghiem\"", "\"code\":\"thu-nghiem\",\"Code\":\"lan-hai\"");

        AssertOnlyError(CampaignFileReader.Read(json), "field-duplicate", "code", "Mã (code): Trường “code” được ghi hai lần.");
    }

    [Fact]
    public void Read_NameNotText_SaysTextIsExpected()
    {
        var file = Valid();
        Unit(file, 1)["name"] = 5;

        var report = Read(file);

        // The unreadable name also leaves the unit without one.
        Assert.Equal(
            [("type-string", "units[1].name", "Đơn vị thứ 2, tên (units[1].name): Giá trị phải là chuỗi ký tự trong ngoặc kép."),
             ("unit-name-missing", "units[1].name", "Đơn vị thứ 2, tên (units[1].name): Đơn vị “u2” chưa có tên.")],
            report.Errors.Select(e => (e.Code, e.Path, e.Message)));
    }

    [Fact]
    public void Read_DateNotIso_SaysTheExpectedForm()
    {
        var file = Valid();
        Unit(file, 0)["activeFrom"] = "01/11/2024";

        AssertOnlyError(Read(file), "date-format", "units[0].activeFrom",
            "Đơn vị thứ 1, ngày bắt đầu hiệu lực (units[0].activeFrom): “01/11/2024” không phải ngày viết theo dạng yyyy-MM-dd trong ngoặc kép (ví dụ \"2024-12-14\").");
    }

    [Fact]
    public void Read_ImpossibleDate_IsADateFormatError()
    {
        var file = Valid();
        file["periodStart"] = "2025-02-30";

        var report = Read(file);

        var error = Assert.Single(report.Errors, e => e.Code == "date-format");
        Assert.Equal("Ngày bắt đầu đợt thi đua (periodStart): “2025-02-30” không phải ngày viết theo dạng yyyy-MM-dd trong ngoặc kép (ví dụ \"2024-12-14\").", error.Message);
        // With no start date the validator adds its own error; both are listed.
        Assert.Contains(report.Errors, e => e.Code == "date-missing" && e.Path == "periodStart");
    }

    [Fact]
    public void Read_BoundAsText_SaysAWholeNumberIsExpected()
    {
        var file = Valid();
        file["groups"]![0]!["minDossiers"] = "1.000";

        AssertOnlyError(Read(file), "type-integer", "groups[0].minDossiers",
            "Nhóm thứ 1, cận dưới số hồ sơ (groups[0].minDossiers): “1.000” không phải số nguyên.");
    }

    [Fact]
    public void Read_ComparisonDaysWithFraction_SaysAWholeNumberIsExpected()
    {
        var file = Valid();
        file["comparisonDays"] = 7.5;

        AssertOnlyError(Read(file), "type-integer", "comparisonDays", "Số ngày so sánh biến động (comparisonDays): “7.5” không phải số nguyên.");
    }

    [Fact]
    public void Read_PointsAsText_SaysANumberIsExpected()
    {
        var file = Valid();
        file["indicators"]![0]!["maxPoints"] = "10,5";

        AssertOnlyError(Read(file), "type-number", "indicators[0].maxPoints",
            "Nội dung thứ 1, điểm tối đa (indicators[0].maxPoints): “10,5” không phải số; viết số không có ngoặc kép, phần thập phân sau dấu chấm (ví dụ 0.8).");
    }

    [Fact]
    public void Read_InclusiveAsWord_SaysTrueOrFalse()
    {
        var file = Valid();
        file["groups"]![0]!["minInclusive"] = "có";

        AssertOnlyError(Read(file), "type-boolean", "groups[0].minInclusive",
            "Nhóm thứ 1, tính cả cận dưới (groups[0].minInclusive): “có” không hợp lệ; ghi true (có) hoặc false (không), không có ngoặc kép.");
    }

    [Fact]
    public void Read_UnknownPolicy_ListsTheChoices()
    {
        var file = Valid();
        file["indicators"]![0]!["whenNothingArose"] = "Skip";

        AssertOnlyError(Read(file), "enum-unknown", "indicators[0].whenNothingArose",
            "Nội dung thứ 1, cách tính khi không phát sinh (indicators[0].whenNothingArose): “Skip” không hợp lệ; chọn một trong: Exclude, Full, Zero.");
    }

    [Fact]
    public void Read_UnknownCityRating_ListsTheChoices()
    {
        var file = Valid();
        file["blocks"]![0]!["committeeSlots"] = JsonNode.Parse("""[ { "code": "tham-muu", "name": "Tham mưu", "minCityRating": "Good" } ]""");

        AssertOnlyError(Read(file), "enum-unknown", "blocks[0].committeeSlots[0].minCityRating",
            "Khối thứ 1, suất khen xét chọn thứ 1, xếp loại tối thiểu của thành phố (blocks[0].committeeSlots[0].minCityRating): “Good” không hợp lệ; chọn một trong: XuatSac, Tot, Kha, TrungBinh, Yeu.");
    }

    [Fact]
    public void Read_ListWrittenAsObject_SaysAListIsExpected()
    {
        var file = Valid();
        file["tieBreakers"] = new JsonObject();

        AssertOnlyError(Read(file), "type-array", "tieBreakers",
            "Các tiêu chí phân định đồng hạng (tieBreakers): Giá trị phải là một danh sách trong ngoặc vuông [ … ].");
    }

    [Fact]
    public void Read_PredecessorNotText_SaysTextIsExpected()
    {
        var file = Valid();
        Unit(file, 1)["predecessors"] = new JsonArray(1);

        AssertOnlyError(Read(file), "type-string", "units[1].predecessors[0]",
            "Đơn vị thứ 2, đơn vị tiền thân thứ 1 (units[1].predecessors[0]): Giá trị phải là chuỗi ký tự trong ngoặc kép.");
    }

    [Fact]
    public void Read_NoCode_AsksForOne()
    {
        var file = Valid();
        file.Remove("code");

        AssertOnlyError(Read(file), "code-missing", "code", "Mã (code): Chưa đặt mã đợt thi đua, ví dụ “can-tho-2025”.");
    }

    [Theory]
    [InlineData("Can Tho 2025")]
    [InlineData("cần-thơ")]
    [InlineData("-2025")]
    public void Read_CodeOutsideTheSpelling_SaysTheRule(string code)
    {
        var file = Valid();
        file["code"] = code;

        AssertOnlyError(Read(file), "code-format", "code",
            $"Mã (code): Mã đợt thi đua “{code}” không hợp lệ: mã chỉ gồm chữ thường không dấu (a–z), chữ số và dấu nối (-, _ hoặc .), bắt đầu và kết thúc bằng chữ hoặc số.");
    }

    [Fact]
    public void Read_NoUnits_WarnsThatActivationNeedsThem()
    {
        var file = Valid();
        file.Remove("units");

        var report = Read(file);

        Assert.True(report.IsValid);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("units-missing", "units", "Danh sách đơn vị (units): Tệp chưa có đơn vị nào; cần nhập danh sách đơn vị trước khi kích hoạt đợt thi đua."),
            (warning.Code, warning.Path, warning.Message));
        Assert.Empty(report.Definition!.Units);
    }

    [Fact]
    public void Read_RuleValidatorError_IsPlacedAtItsFieldInTheFile()
    {
        var file = Valid();
        file["groups"]![0]!["block"] = "khac";

        var report = Read(file);

        var error = Assert.Single(report.Errors);
        Assert.Equal(("group-block-unknown", "groups[0].block"), (error.Code, error.Path));
        Assert.Equal("Nhóm thứ 1, khối (groups[0].block): Nhóm “all” thuộc khối “khac” không có trong danh sách khối.", error.Message);
        // The block is left without a group: the validator's warning comes along.
        Assert.Contains(report.Warnings, w => w.Code == "block-without-groups" && w.Path == "blocks[0]"
            && w.Message == "Khối thứ 1 (blocks[0]): Khối “Khối thử” chưa có nhóm nào: mọi đơn vị của khối sẽ ở bảng “chưa xếp nhóm”.");
    }

    [Fact]
    public void Read_HoleBetweenBounds_WarnsWithTheValueInVietnameseDigits()
    {
        var file = Valid();
        file["groups"] = JsonNode.Parse(
            """
            [ { "block": "k", "code": "tren-2000", "name": "Trên 2.000", "minDossiers": 2000, "minInclusive": false, "awardSlots": 1 },
              { "block": "k", "code": "duoi-2000", "name": "Dưới 2.000", "maxDossiers": 2000, "maxInclusive": false, "awardSlots": 1 } ]
            """);

        var report = Read(file);

        Assert.True(report.IsValid);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("dossier-hole", "groups"), (warning.Code, warning.Path));
        Assert.Equal("Danh sách nhóm (groups): Khối “Khối thử”: đơn vị có đúng 2.000 hồ sơ không thuộc nhóm nào (chỗ hở k: 2000).", warning.Message);
    }

    [Fact]
    public void Read_ManyProblems_ListsEveryOneInOneAnswer()
    {
        var file = Valid();
        file["periodStart"] = "2025/01/01";
        file["indicators"]![0]!["fullCreditAt"] = 80;
        Unit(file, 0)["block"] = "z";
        Unit(file, 1)["code"] = "u1";

        var codes = Read(file).Errors.Select(e => e.Code).ToList();

        Assert.Equal(["date-format", "date-missing", "threshold-range", "unit-block-unknown", "unit-code-duplicate"], codes);
    }

    [Fact]
    public void Read_DossierDeadlineBeforePeriodEnd_IsAWarningAtThatField()
    {
        var file = Valid();
        file["dossierDeadline"] = "2025-12-01";

        var warning = Assert.Single(Read(file).Warnings);

        Assert.Equal("Hạn nộp hồ sơ khen thưởng (dossierDeadline): Hạn nộp hồ sơ khen thưởng (01/12/2025) không đứng sau ngày kết thúc đợt thi đua (31/12/2025): hồ sơ phải nộp khi chưa có kết quả cả đợt.", warning.Message);
    }
}
