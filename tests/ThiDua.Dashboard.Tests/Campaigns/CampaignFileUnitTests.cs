using System.Text.Json.Nodes;
using static ThiDua.Dashboard.Tests.Campaigns.CampaignJson;

namespace ThiDua.Dashboard.Tests.Campaigns;

/// <summary>The unit list of a campaign file: every unit error the reader reports, placed at the unit's field.</summary>
public sealed class CampaignFileUnitTests
{
    private static JsonObject WithUnit(string json)
    {
        var file = Valid();
        file["units"]!.AsArray().Add(JsonNode.Parse(json));
        return file;
    }

    [Fact]
    public void Read_UnitWithoutCode_SaysSo() =>
        AssertOnlyError(Read(WithUnit("""{ "name": "Không mã", "block": "k" }""")), "unit-code-missing", "units[2].code",
            "Đơn vị thứ 3, mã (units[2].code): Đơn vị chưa có mã.");

    [Fact]
    public void Read_UnitCodeWithCapitalsAndSpaces_SaysTheRule() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "P An Hoa", "name": "Phường An Hòa", "block": "k" }""")), "unit-code-format", "units[2].code",
            "Đơn vị thứ 3, mã (units[2].code): Mã đơn vị “P An Hoa” không hợp lệ: mã chỉ gồm chữ thường không dấu (a–z), chữ số và dấu nối (-, _ hoặc .), bắt đầu và kết thúc bằng chữ hoặc số.");

    [Fact]
    public void Read_DuplicateUnitCode_NamesTheFirst() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u1", "name": "Đơn vị một lần nữa", "block": "k" }""")), "unit-code-duplicate", "units[2].code",
            "Đơn vị thứ 3, mã (units[2].code): Mã đơn vị “u1” bị trùng với đơn vị thứ 1.");

    [Fact]
    public void Read_UnitWithBlankName_SaysSo() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u3", "name": "  ", "block": "k" }""")), "unit-name-missing", "units[2].name",
            "Đơn vị thứ 3, tên (units[2].name): Đơn vị “u3” chưa có tên.");

    [Fact]
    public void Read_UnitWithoutBlock_SaysSo() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba" }""")), "unit-block-missing", "units[2].block",
            "Đơn vị thứ 3, khối (units[2].block): Đơn vị “u3” chưa ghi khối.");

    [Fact]
    public void Read_UnitOfUnknownBlock_ListsTheBlocks() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba", "block": "phuong" }""")), "unit-block-unknown", "units[2].block",
            "Đơn vị thứ 3, khối (units[2].block): Đơn vị “u3” thuộc khối “phuong” không có trong danh sách khối của đợt thi đua (k).");

    [Fact]
    public void Read_ActiveFromAfterActiveTo_SaysBothDates() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba", "block": "k", "activeFrom": "2025-07-01", "activeTo": "2025-06-30" }""")),
            "unit-dates-out-of-order", "units[2].activeTo",
            "Đơn vị thứ 3, ngày hết hiệu lực (units[2].activeTo): Đơn vị “u3”: ngày hết hiệu lực (30/06/2025) đứng trước ngày bắt đầu hiệu lực (01/07/2025).");

    [Fact]
    public void Read_UnitItsOwnPredecessor_SaysSo() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba", "block": "k", "predecessors": [ "u3" ] }""")),
            "unit-predecessor-self", "units[2].predecessors", "Đơn vị thứ 3, các đơn vị tiền thân (units[2].predecessors): Đơn vị “u3” không thể là tiền thân của chính nó.");

    [Fact]
    public void Read_PredecessorTwice_SaysSo() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba", "block": "k", "predecessors": [ "u1", "u1" ] }""")),
            "unit-predecessor-duplicate", "units[2].predecessors", "Đơn vị thứ 3, các đơn vị tiền thân (units[2].predecessors): Đơn vị “u3” ghi đơn vị tiền thân “u1” hai lần.");

    [Fact]
    public void Read_BlankPredecessor_SaysSo() =>
        AssertOnlyError(Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba", "block": "k", "predecessors": [ "" ] }""")),
            "unit-predecessor-missing", "units[2].predecessors", "Đơn vị thứ 3, các đơn vị tiền thân (units[2].predecessors): Đơn vị “u3” có một mã đơn vị tiền thân để trống.");

    [Fact]
    public void Read_LineageInACircle_ShowsTheCircle()
    {
        var file = Valid();
        Unit(file, 0)["predecessors"] = new JsonArray("u2");
        Unit(file, 1)["predecessors"] = new JsonArray("u1");

        AssertOnlyError(Read(file), "unit-predecessor-cycle", "units[0].predecessors",
            "Đơn vị thứ 1, các đơn vị tiền thân (units[0].predecessors): Dòng dõi của đơn vị “u1” quay vòng về chính nó (u1 ← u2 ← u1).");
    }

    [Fact]
    public void Read_UnitActiveOnlyBeforeThePeriod_IsAWarning()
    {
        var report = Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba", "block": "k", "activeTo": "2024-12-31" }"""));

        Assert.True(report.IsValid);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("unit-outside-period", "units[2].activeTo"), (warning.Code, warning.Path));
        Assert.Equal("Đơn vị thứ 3, ngày hết hiệu lực (units[2].activeTo): Đơn vị “u3” không có ngày hiệu lực nào trong đợt thi đua (01/01/2025 – 31/12/2025) nên không được xếp hạng.", warning.Message);
    }

    [Fact]
    public void Read_UnitActiveOnlyAfterThePeriod_IsAWarningAtActiveFrom()
    {
        var report = Read(WithUnit("""{ "code": "u3", "name": "Đơn vị ba", "block": "k", "activeFrom": "2026-01-01" }"""));

        Assert.Equal("units[2].activeFrom", Assert.Single(report.Warnings).Path);
    }

    [Fact]
    public void Read_BlockWithoutUnits_IsAWarning()
    {
        var file = Valid();
        file["blocks"]!.AsArray().Add(JsonNode.Parse("""{ "code": "k2", "name": "Khối hai" }"""));
        file["groups"]!.AsArray().Add(JsonNode.Parse("""{ "block": "k2", "code": "all", "name": "Toàn khối", "awardSlots": 1 }"""));
        file["indicators"]![0]!["appliesTo"]!.AsArray().Add("k2");

        var report = Read(file);

        Assert.True(report.IsValid);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(("block-without-units", "units", "Danh sách đơn vị (units): Khối “Khối hai” (k2) chưa có đơn vị nào."), (warning.Code, warning.Path, warning.Message));
    }

    [Fact]
    public void Read_DistrictsAndPredecessorsFromAnEarlierCampaign_AreFine()
    {
        // Districts are optional either way; a predecessor that is not in this file is a unit of an earlier campaign.
        var file = Valid();
        Unit(file, 0)["district"] = "Ninh Kiều";
        Unit(file, 1)["predecessors"] = new JsonArray("p-an-cu", "p-an-nghiep");
        Unit(file, 1)["activeFrom"] = "2025-07-01";

        var report = Read(file);

        Assert.True(report.IsValid);
        Assert.Empty(report.Warnings);
        Assert.Equal("Ninh Kiều", report.Definition!.Units[0].District);
        Assert.Equal(["p-an-cu", "p-an-nghiep"], report.Definition.Units[1].Predecessors);
        Assert.Equal(new DateOnly(2025, 7, 1), report.Definition.Units[1].ActiveFrom);
    }
}
