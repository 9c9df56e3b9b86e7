using System.Text;
using MiniExcelLibs;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Dashboard.Import;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Tests.Campaigns;

public sealed class UnitListFileReaderTests
{
    private static readonly CampaignRules Rules = GeneralityCampaign.Load().Rules;

    private const string Header = "ma_don_vi,ten_don_vi,khoi,quan_huyen,hieu_luc_tu,hieu_luc_den,tien_than";

    private static UnitListFile Csv(string text, bool bom = true) =>
        UnitListFileReader.Read(new MemoryStream([.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)]), "don-vi.csv", Rules);

    private static void AssertOnlyError(UnitListFile file, int row, string column, string message)
    {
        var error = Assert.Single(file.Errors);
        Assert.Equal(new ImportError(row, column, message), error);
    }

    [Fact]
    public void Read_Csv_TakesEveryColumnBothDateFormsAndBothListSeparators()
    {
        var file = Csv(Header + "\r\n"
            + "x-dong-thanh,Xã Đông Thạnh,xa,,,30/06/2026,\r\n"
            + "x-tay-thanh,Xã Tây Thạnh,xa,Huyện Cũ,,2026-06-30,\r\n"
            + "X-Thanh-Hoa,Xã Thạnh Hòa,xa,,1/7/2026,,\"x-dong-thanh; x-tay-thanh\"\r\n"
            + "p-ninh-kieu,Phường Ninh Kiều,phuong,,,,\"p-tan-an,p-an-hoa;\"\r\n");

        Assert.Empty(file.Errors);
        Assert.Equal([2, 3, 4, 5], file.Rows);
        Assert.Equal(new CampaignUnit("x-thanh-hoa", "Xã Thạnh Hòa", "xa", null, new DateOnly(2026, 7, 1), null, []) with { Predecessors = file.Units[2].Predecessors }, file.Units[2]);
        Assert.Equal(["x-dong-thanh", "x-tay-thanh"], file.Units[2].Predecessors);
        Assert.Equal(["p-tan-an", "p-an-hoa"], file.Units[3].Predecessors);
        Assert.Equal(new DateOnly(2026, 6, 30), file.Units[0].ActiveTo);
        Assert.Equal(new DateOnly(2026, 6, 30), file.Units[1].ActiveTo);
        Assert.Equal("Huyện Cũ", file.Units[1].District);
        Assert.Null(file.Units[0].District);
        Assert.Empty(file.Units[0].Predecessors);
    }

    [Fact]
    public void Read_SemicolonCsvWithoutBomAndOnlyTheRequiredColumns_IsRead()
    {
        // A two-tier map without dates or lineage needs only three columns, in any order, named either way.
        var file = Csv("block;code;ten_don_vi\nphuong;p-o-mon;Phường Ô Môn\n", bom: false);

        Assert.Empty(file.Errors);
        Assert.Equal(new CampaignUnit("p-o-mon", "Phường Ô Môn", "phuong", null, null, null, []) with { Predecessors = file.Units[0].Predecessors }, Assert.Single(file.Units));
        Assert.Empty(file.Units[0].Predecessors);
    }

    [Fact]
    public void Read_BlockByItsName_TakesItsCode()
    {
        var file = Csv("ma_don_vi,ten_don_vi,khoi\np-o-mon,Phường Ô Môn,ubnd phường\n");

        Assert.Equal("phuong", Assert.Single(file.Units).Block);
    }

    [Fact]
    public void Read_Xlsx_WithDateCells_IsRead()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["ma_don_vi"] = "x-thanh-hoa", ["ten_don_vi"] = "Xã Thạnh Hòa", ["khoi"] = "xa", ["hieu_luc_tu"] = new DateTime(2026, 7, 1), ["tien_than"] = "x-dong-thanh;x-tay-thanh" },
        });
        stream.Position = 0;

        var file = UnitListFileReader.Read(stream, "don-vi.xlsx", Rules);

        Assert.Empty(file.Errors);
        var unit = Assert.Single(file.Units);
        Assert.Equal((new DateOnly(2026, 7, 1), 2), (unit.ActiveFrom!.Value, file.Rows[0]));
        Assert.Equal(["x-dong-thanh", "x-tay-thanh"], unit.Predecessors);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public void Template_WithTheCampaignsUnits_ReadsBackToTheSameUnits(string format)
    {
        var units = GeneralityCampaign.Load().Units;
        var (content, _, fileName) = UnitListTemplate.Create(format, units)!.Value;

        var file = UnitListFileReader.Read(new MemoryStream(content), fileName, Rules);

        Assert.Empty(file.Errors);
        Assert.Empty(file.Warnings);
        Assert.Equal(units.Select(u => u with { Predecessors = [] }), file.Units.Select(u => u with { Predecessors = [] }));
        Assert.Equal(units.Select(u => string.Join(",", u.Predecessors)), file.Units.Select(u => string.Join(",", u.Predecessors)));
    }

    [Fact]
    public void Template_Empty_HasTheSevenColumnsAndNoUnit()
    {
        var text = Encoding.UTF8.GetString(UnitListTemplate.Csv([]));

        Assert.Equal("\uFEFF" + Header + "\r\n", text);
        Assert.Null(UnitListTemplate.Create("pdf", []));
        var xlsx = UnitListFileReader.Read(new MemoryStream(UnitListTemplate.Xlsx([])), "mau.xlsx", Rules);
        AssertOnlyError(xlsx, 2, "", "Tệp không có dòng đơn vị nào dưới dòng tiêu đề.");
    }

    [Fact]
    public void Read_EmptyFile_SaysThereIsNoHeader() =>
        AssertOnlyError(Csv(""), 1, "", "Tệp trống: không có dòng tiêu đề.");

    [Fact]
    public void Read_HeaderOnly_SaysThereIsNoUnit() =>
        AssertOnlyError(Csv(Header + "\r\n"), 2, "", "Tệp không có dòng đơn vị nào dưới dòng tiêu đề.");

    [Fact]
    public void Read_NotAnXlsx_SaysSo() =>
        AssertOnlyError(UnitListFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Header)), "don-vi.xlsx", Rules), 1, "",
            "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.");

    [Fact]
    public void Read_MissingBlockColumn_NamesItInBothSpellings() =>
        AssertOnlyError(Csv("ma_don_vi,ten_don_vi\np-o-mon,Phường Ô Môn\n"), 1, "khoi", "Dòng tiêu đề thiếu cột “khoi” (hoặc “block”).");

    [Fact]
    public void Read_ColumnTwice_SaysSo() =>
        AssertOnlyError(Csv("ma_don_vi,ten_don_vi,khoi,code\np-o-mon,Phường Ô Môn,phuong,p-o-mon\n"), 1, "code",
            "Cột “code” trùng với cột “ma_don_vi”; mỗi trường chỉ được có một cột.");

    [Fact]
    public void Read_UnknownColumn_IsAWarningAndIgnored()
    {
        var file = Csv("ma_don_vi,ten_don_vi,khoi,tienthan\np-o-mon,Phường Ô Môn,phuong,p-cu\n");

        Assert.Empty(file.Errors);
        Assert.Equal(new ImportError(1, "tienthan", "Cột “tienthan” không thuộc danh sách đơn vị nên được bỏ qua."), file.Warnings[0]);
        Assert.Empty(Assert.Single(file.Units).Predecessors);
    }

    [Fact]
    public void Read_BadDate_SaysWhichAndTheAcceptedForms() =>
        AssertOnlyError(Csv(Header + "\n" + "p-o-mon,Phường Ô Môn,phuong,,2026-13-01,,\n"), 2, "hieu_luc_tu",
            "Ngày hiệu lực từ “2026-13-01” không hợp lệ; viết theo dạng yyyy-MM-dd hoặc dd/MM/yyyy (ví dụ 2024-11-01 hoặc 01/11/2024).");

    [Fact]
    public void Read_BadEndDate_SaysWhich() =>
        AssertOnlyError(Csv(Header + "\n" + "p-o-mon,Phường Ô Môn,phuong,,,31.12.2026,\n"), 2, "hieu_luc_den",
            "Ngày hiệu lực đến “31.12.2026” không hợp lệ; viết theo dạng yyyy-MM-dd hoặc dd/MM/yyyy (ví dụ 2024-11-01 hoặc 01/11/2024).");

    [Fact]
    public void Read_DuplicateCode_NamesTheRowOfTheFirst() =>
        AssertOnlyError(Csv(Header + "\n" + "p-o-mon,Phường Ô Môn,phuong,,,,\n" + "P-O-MON,Phường Ô Môn mới,phuong,,,,\n"), 3, "ma_don_vi",
            "Mã đơn vị “p-o-mon” bị trùng với dòng 2.");

    [Fact]
    public void Read_UnitErrors_EachAtItsRowAndColumn()
    {
        var file = Csv(Header + "\n"
            + ",Không mã,phuong,,,,\n"
            + "p-a,,phuong,,,,\n"
            + "p-b,Phường B,,,,,\n"
            + "p-c,Phường C,quan-huyen,,,,\n"
            + "p-d,Phường D,phuong,,01/07/2026,30/06/2026,\n"
            + "p-e,Phường E,phuong,,,,p-e\n"
            + "p-f,Phường F,phuong,,,,p-a;p-a\n"
            + "p g,Phường G,phuong,,,,\n");

        Assert.Equal(
        [
            new ImportError(2, "ma_don_vi", "Đơn vị chưa có mã."),
            new ImportError(3, "ten_don_vi", "Đơn vị “p-a” chưa có tên."),
            new ImportError(4, "khoi", "Đơn vị “p-b” chưa ghi khối."),
            new ImportError(5, "khoi", "Đơn vị “p-c” thuộc khối “quan-huyen” không có trong danh sách khối của đợt thi đua (so-ban-nganh, phuong, xa)."),
            new ImportError(6, "hieu_luc_den", "Đơn vị “p-d”: ngày hết hiệu lực (30/06/2026) đứng trước ngày bắt đầu hiệu lực (01/07/2026)."),
            new ImportError(7, "tien_than", "Đơn vị “p-e” không thể là tiền thân của chính nó."),
            new ImportError(8, "tien_than", "Đơn vị “p-f” ghi đơn vị tiền thân “p-a” hai lần."),
            new ImportError(9, "ma_don_vi", "Mã đơn vị “p g” không hợp lệ: mã chỉ gồm chữ thường không dấu (a–z), chữ số và dấu nối (-, _ hoặc .), bắt đầu và kết thúc bằng chữ hoặc số."),
        ], file.Errors);
        Assert.False(file.IsValid);
    }

    [Fact]
    public void Read_UnitsLeavingABlockEmpty_WarnAtTheHeader()
    {
        var file = Csv("ma_don_vi,ten_don_vi,khoi\np-o-mon,Phường Ô Môn,phuong\n");

        Assert.Equal(
            [new ImportError(1, "", "Khối “Sở, ban, ngành thành phố” (so-ban-nganh) chưa có đơn vị nào."), new ImportError(1, "", "Khối “UBND xã” (xa) chưa có đơn vị nào.")],
            file.Warnings);
    }

    [Fact]
    public void Read_UnitOutsideThePeriod_WarnsAtItsRow()
    {
        var file = Csv(Header + "\np-o-mon,Phường Ô Môn,phuong,,,31/12/2025,\n");

        Assert.Contains(new ImportError(2, "hieu_luc_den", "Đơn vị “p-o-mon” không có ngày hiệu lực nào trong đợt thi đua (01/01/2026 – 30/11/2026) nên không được xếp hạng."), file.Warnings);
    }

    [Fact]
    public void Read_UnsupportedExtension_IsTheCallersToCheck()
    {
        Assert.False(UnitListFileReader.IsSupported("don-vi.json"));
        Assert.Throws<NotSupportedException>(() => UnitListFileReader.Read(new MemoryStream(), "don-vi.json", Rules));
    }
}
