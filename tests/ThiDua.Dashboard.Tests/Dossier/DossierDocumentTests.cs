using ThiDua.Dashboard.Dossier;
using ThiDua.Scoring.Scoring;

namespace ThiDua.Dashboard.Tests.Dossier;

/// <summary>The generators on a fixed model: a later, decided proposal goes through the same documents without the draft mark.</summary>
public sealed class DossierDocumentTests
{
    private static readonly DossierOptions Options = new()
    {
        IssuerParent = "Ủy ban nhân dân thành phố Cần Thơ", Issuer = "Văn phòng", IssuerCode = "VPUB", Place = "Cần Thơ",
        SignerTitle = "CHÁNH VĂN PHÒNG", SignerName = "Nguyễn Văn A",
    };

    private static AwardDossier Decided() => new(
        DossierStatus.Decided, "Thi đua năm 2024", new DateOnly(2023, 12, 15), new DateOnly(2024, 12, 14), new DateOnly(2024, 12, 14), 42,
        new DateOnly(2025, 1, 15),
        [new DossierCollective("p-an-hoa", "Phường An Hòa", "phuong", "UBND phường", "Từ 3.500 hồ sơ trở lên", "Từ 3.500 hồ sơ trở lên", false, 1, 84.31m, false, 4000)],
        [new DossierIndividual("Trần Thị B", "Công chức Bộ phận Một cửa", "p-an-hoa", "Phường An Hòa", "Tiếp nhận 1.200 hồ sơ đúng hạn")],
        Number: "15", IssuedOn: new DateOnly(2025, 1, 10),
        Meeting: new MeetingMinutes(new DateTime(2025, 1, 8, 14, 30, 0), "Phòng họp số 1", "Lê Văn C", "Phạm Thị D", ["Lê Văn C", "Phạm Thị D"],
            [new MeetingVote("p-an-hoa", 7, 0, 1)]),
        Decision: new DossierDecision("123/QĐ-UBND", new DateOnly(2025, 2, 1), "Chủ tịch Ủy ban nhân dân thành phố"));

    [Fact]
    public void ToTrinh_Decided_NumberDateDecisionAndNoDraftMark()
    {
        var body = ToTrinhDocument.Write(Decided(), Options);

        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("Số: 15/TTr-VPUB", text);
        Assert.Contains("Cần Thơ, ngày 10 tháng 01 năm 2025", text);
        Assert.Contains("Quyết định số 123/QĐ-UBND ngày 01/02/2025", text);
        Assert.Contains("84,31", text);
        Assert.Contains("Trần Thị B", text);
        Assert.Contains("Nguyễn Văn A", text);
        Assert.DoesNotContain("DỰ THẢO", text);
    }

    [Fact]
    public void BienBan_MeetingRecorded_TimePlacePeopleAndVotesPrinted()
    {
        var body = BienBanDocument.Write(Decided(), Options);

        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("Thời gian: vào lúc 14 giờ 30, ngày 08 tháng 01 năm 2025.", text);
        Assert.Contains("Địa điểm: Phòng họp số 1.", text);
        Assert.Contains("Chủ trì: Lê Văn C.", text);
        Assert.Contains("Thư ký: Phạm Thị D.", text);
        Assert.Contains("- Phạm Thị D;", text);
        Assert.DoesNotContain("DỰ THẢO", text);
    }

    [Fact]
    public void DanhSach_Decided_DecisionNumberAndNoDraftMark()
    {
        var body = DanhSachWorkbook.Write(Decided(), Options);

        Assert.Empty(DossierFiles.SheetErrors(body));
        var text = DossierFiles.SheetText(body);
        Assert.Contains("Quyết định số 123/QĐ-UBND", text);
        Assert.Contains("Trần Thị B", text);
        Assert.DoesNotContain("DỰ THẢO", text);
    }

    [Fact]
    public void DanhSach_LongGroupName_ItsRowIsTallEnoughForTheWrappedLines()
    {
        var body = DanhSachWorkbook.Write(Decided(), Options);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(body), false);
        var rows = document.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>();
        var unitRow = rows.Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Any(c => c.CellReference!.Value!.StartsWith('B') && c.InnerText == "Phường An Hòa"));
        // "Từ 3.500 hồ sơ trở lên" (22 characters) wraps to two lines in its 20-character column.
        Assert.True(unitRow.CustomHeight?.Value);
        Assert.Equal(32, unitRow.Height!.Value);
    }

    [Fact]
    public void BaoCao_ContentStates_EachSaidInWords()
    {
        var unit = new UnitAchievement("p-an-hoa", "ỦY BAN NHÂN DÂN QUẬN NINH KIỀU", "ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA", "Ủy ban nhân dân phường An Hòa",
            "UBND phường", "Từ 3.500 hồ sơ trở lên", 1, 12, 84.31m, 4000,
            [
                new AchievementContent("a", "Dịch vụ công trực tuyến", ContentState.Rate, 1234, 2000, 0.617m, 12m, 12m),
                new AchievementContent("h", "Phản ánh, kiến nghị", ContentState.NothingArose, 0, 0, null, 0m, 12m),
                new AchievementContent("e", "Công bố, công khai", ContentState.NotApplicable, null, null, null, 0m, 10m),
            ], "Từ 3.500 hồ sơ trở lên");

        var body = BaoCaoDocument.Write(Decided(), unit, Options);

        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("61,70% (1.234/2.000)", text);
        Assert.Contains("không phát sinh", text);
        Assert.Contains("không áp dụng", text);
        Assert.Contains("xếp hạng 1/12", text);
    }

    [Theory]
    [InlineData("2025-01-12", "còn 3 ngày")]
    [InlineData("2025-01-14", "còn 1 ngày")]
    [InlineData("2025-01-15", "quá hạn")]
    [InlineData("2025-02-01", "quá hạn")]
    public void Deadline_StrictlyBefore_DaysLeftOrLate(string today, string expected) =>
        Assert.Equal(expected, DossierDeadline.Describe(new DateOnly(2025, 1, 15), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
