using System.Text;
using MiniExcelLibs;
using ThiDua.Dashboard.Import;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Tests.Demo;
using ThiDua.Scoring;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Tests.Import;

public sealed class FigureFileReaderTests
{
    private static readonly DateOnly June30 = new(2024, 6, 30);

    private static FigureFile ReadCsv(string text, bool bom = false)
    {
        byte[] bytes = bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);
        return FigureFileReader.Read(new MemoryStream(bytes), "so-lieu.csv");
    }

    private static FigureFile ReadXlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;
        return FigureFileReader.Read(stream, "so-lieu.xlsx");
    }

    private static ImportPreview NoValidation(FigureFile file) => file.Validate(_ => []);

    [Theory]
    [InlineData("so-lieu.csv", true)]
    [InlineData("SO-LIEU.XLSX", true)]
    [InlineData("so-lieu.xls", false)]
    [InlineData("so-lieu.json", false)]
    [InlineData("", false)]
    public void IsSupported_Extension_OnlyCsvAndXlsx(string fileName, bool supported)
    {
        Assert.Equal(supported, FigureFileReader.IsSupported(fileName));
    }

    [Fact]
    public void ReadCsv_EnglishHeadersCommaLf_ReadsEveryField()
    {
        var file = ReadCsv("unit,asOf,indicator,numerator,denominator\np-an-hoa,2024-06-30,c,82,100\np-an-hoa,2024-06-30,dossiers,1234,\n");

        Assert.Empty(file.ReadErrors);
        Assert.Equal([new Figure("p-an-hoa", "c", June30, 82, 100), new Figure("p-an-hoa", "dossiers", June30, 1234, null)], file.Figures);
        Assert.Equal([2, 3], file.Rows);
    }

    [Fact]
    public void ReadCsv_VietnameseHeadersAnyOrderAnyCaseSemicolonCrlfBom_ReadsEveryField()
    {
        var file = ReadCsv("Mau_So;TU_SO;ma_don_vi;Chi_Tieu;ngay_so_lieu\r\n100;82;p-an-hoa;c;30/06/2024\r\n;1234;q-ninh-kieu;dossiers;30/06/2024\r\n", bom: true);

        Assert.Empty(file.ReadErrors);
        Assert.Equal([new Figure("p-an-hoa", "c", June30, 82, 100), new Figure("q-ninh-kieu", "dossiers", June30, 1234, null)], file.Figures);
        Assert.Equal("Mau_So", file.ColumnName(FigureField.Denominator));
        Assert.Equal("ma_don_vi", file.ColumnName(FigureField.Unit));
    }

    [Fact]
    public void ReadCsv_SemicolonsWithCommaInsideQuotedHeader_DetectsSemicolon()
    {
        var file = ReadCsv("unit;asOf;indicator;numerator;denominator;\"ghi chú, nếu có\"\np-an-hoa;2024-06-30;c;82;100;\"đủ, đúng hạn\"\n");

        Assert.Empty(file.ReadErrors);
        Assert.Equal(new Figure("p-an-hoa", "c", June30, 82, 100), Assert.Single(file.Figures));
    }

    [Fact]
    public void ReadCsv_CommaSeparatedUtf8WithoutBomAndNoFinalLineBreak_ReadsLastRow()
    {
        var file = ReadCsv("ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\np-an-hoa,2024-06-30,c,82,100");

        Assert.Equal(new Figure("p-an-hoa", "c", June30, 82, 100), Assert.Single(file.Figures));
    }

    [Fact]
    public void ReadCsv_QuotedFieldsWithDoubledQuotesSeparatorsAndLineBreaks_KeepsTextAndSpreadsheetRows()
    {
        var csv = "unit,asOf,indicator,numerator,denominator,note\n"
                  + "\"p-an-hoa\",\"2024-06-30\",\"c\",\"82\",\"100\",\"dòng \"\"một\"\", có dấu phẩy\nvà xuống dòng\"\n"
                  + "p-an-hoa,2024-06-30,\"x\"\"y\",1,2,\n";

        var file = ReadCsv(csv);

        Assert.Empty(file.ReadErrors);
        Assert.Equal(new Figure("p-an-hoa", "c", June30, 82, 100), file.Figures[0]);
        Assert.Equal("x\"y", file.Figures[1].Indicator);
        // The quoted line break stays inside row 2, as a spreadsheet shows it.
        Assert.Equal([2, 3], file.Rows);
    }

    [Theory]
    [InlineData("2024-06-30")]
    [InlineData("30/06/2024")]
    [InlineData(" 30/6/2024 ")]
    public void ReadCsv_DateFormats_ReadAsTheSameDay(string date)
    {
        var file = ReadCsv($"unit,asOf,indicator,numerator,denominator\np-an-hoa,{date},c,82,100\n");

        Assert.Empty(file.ReadErrors);
        Assert.Equal(June30, Assert.Single(file.Figures).AsOf);
    }

    [Fact]
    public void ReadCsv_CodesInUpperCaseWithSpaces_AreReadAsLowerCaseCodes()
    {
        var file = ReadCsv("unit,asOf,indicator,numerator,denominator\n  P-An-Hoa , 2024-06-30 , DD , 5 , 10 \n");

        Assert.Equal(new Figure("p-an-hoa", "dd", June30, 5, 10), Assert.Single(file.Figures));
    }

    [Fact]
    public void ReadCsv_BlankLines_AreSkippedButKeepSpreadsheetRowNumbers()
    {
        var file = ReadCsv("\nunit,asOf,indicator,numerator,denominator\n\np-an-hoa,2024-06-30,c,82,100\n , , , , \n\np-an-hoa,2024-06-30,b,1,2\n\n");

        Assert.Empty(file.ReadErrors);
        Assert.Equal([4, 7], file.Rows);
        Assert.Equal(2, NoValidation(file).Rows);
    }

    [Fact]
    public void ReadCsv_BadCells_GiveErrorsByRowAndHeaderAsWritten()
    {
        var csv = "Unit;AsOf;Indicator;Numerator;Denominator\n"
                  + "p-an-hoa;2024-06-30;c;82;100\n"
                  + "p-an-hoa;31/02/2024;c;8,5;1.000\n"
                  + ";;;;\n"
                  + ";2024-06-30;;;7\n";

        var errors = NoValidation(ReadCsv(csv)).Errors;

        Assert.Equal(
        [
            new ImportError(3, "AsOf", "Ngày số liệu “31/02/2024” không hợp lệ; viết theo dạng yyyy-MM-dd hoặc dd/MM/yyyy (ví dụ 2024-06-30 hoặc 30/06/2024)."),
            new ImportError(3, "Numerator", "Tử số “8,5” không phải là số nguyên; viết liền các chữ số, không dùng dấu phân cách hàng nghìn."),
            new ImportError(3, "Denominator", "Mẫu số “1.000” không phải là số nguyên; viết liền các chữ số, không dùng dấu phân cách hàng nghìn."),
            new ImportError(5, "Unit", "Thiếu mã đơn vị."),
            new ImportError(5, "Indicator", "Thiếu mã chỉ tiêu."),
            new ImportError(5, "Numerator", "Thiếu tử số."),
        ], errors);
    }

    [Fact]
    public void ReadCsv_DossierRowWithoutCount_NamesTheDossierCount()
    {
        var error = Assert.Single(NoValidation(ReadCsv("ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\np-an-hoa,2024-06-30,dossiers,,\n")).Errors);

        Assert.Equal(new ImportError(2, "tu_so", "Thiếu số hồ sơ giải quyết."), error);
    }

    [Fact]
    public void ReadCsv_MissingColumns_ErrorsOnRowOneNamingTheField()
    {
        var file = ReadCsv("ma_don_vi,ngay_so_lieu,chi_tieu\np-an-hoa,2024-06-30,c\np-an-hoa,2024-06-30,b\n");
        var preview = NoValidation(file);

        Assert.Equal(
        [
            new ImportError(1, "tu_so", "Dòng tiêu đề thiếu cột “tu_so” (hoặc “numerator”)."),
            new ImportError(1, "mau_so", "Dòng tiêu đề thiếu cột “mau_so” (hoặc “denominator”)."),
        ], preview.Errors);
        Assert.Equal(2, preview.Rows);
        Assert.Empty(file.Figures);
    }

    [Fact]
    public void ReadCsv_EnglishHeaderMissingAColumn_NamesItInEnglishFirst()
    {
        var error = Assert.Single(ReadCsv("unit,asOf,indicator,numerator\np-an-hoa,2024-06-30,c,1\n").ReadErrors);

        Assert.Equal(new ImportError(1, "denominator", "Dòng tiêu đề thiếu cột “mau_so” (hoặc “denominator”)."), error);
    }

    [Fact]
    public void ReadCsv_SameFieldTwice_ErrorsOnTheSecondColumn()
    {
        var error = Assert.Single(ReadCsv("unit,ma_don_vi,asOf,indicator,numerator,denominator\n").ReadErrors);

        Assert.Equal(new ImportError(1, "ma_don_vi", "Cột “ma_don_vi” trùng với cột “unit”; mỗi trường chỉ được có một cột."), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void ReadCsv_EmptyFile_SaysThereIsNoHeader(string text)
    {
        var error = Assert.Single(NoValidation(ReadCsv(text, bom: true)).Errors);

        Assert.Equal(new ImportError(1, "", "Tệp trống: không có dòng tiêu đề."), error);
    }

    [Fact]
    public void ReadCsv_HeaderOnly_SaysThereAreNoDataRows()
    {
        var error = Assert.Single(NoValidation(ReadCsv("unit,asOf,indicator,numerator,denominator\r\n")).Errors);

        Assert.Equal(new ImportError(2, "", "Tệp không có dòng số liệu nào dưới dòng tiêu đề."), error);
    }

    [Fact]
    public void ReadCsv_UnclosedQuote_ErrorsOnTheRowWhereItOpened()
    {
        var file = ReadCsv("unit,asOf,indicator,numerator,denominator\np-an-hoa,2024-06-30,c,82,100\n\"p-an-hoa,2024-06-30,c,1,2\np-an-hoa,2024-06-30,c,1,2\n");

        Assert.Contains(new ImportError(3, "", "Dấu ngoặc kép mở ở dòng 3 không được đóng."), file.ReadErrors);
    }

    [Fact]
    public void ReadCsv_RunawayQuotedField_StopsAtTheCellLimit()
    {
        var text = "unit,asOf,indicator,numerator,denominator\n\"" + new string('x', 5000) + "\n";

        var error = Assert.Single(ReadCsv(text).ReadErrors);

        Assert.Equal(new ImportError(2, "", "Ô dài quá 1.000 ký tự; có thể thiếu dấu ngoặc kép đóng."), error);
    }

    [Fact]
    public void ReadCsv_NotUtf8_AsksForACsvUtf8File()
    {
        // "Hòa" in Windows-1258 is not valid UTF-8.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("unit,asOf,indicator,numerator,denominator\nH"), 0xF2, .. Encoding.ASCII.GetBytes("a,2024-06-30,c,1,2\n")];

        var file = FigureFileReader.Read(new MemoryStream(bytes), "cp1258.csv");

        var error = Assert.Single(file.ReadErrors);
        Assert.Equal(LegacyEncoding(2), error.Message);
    }

    private const string SaveAsUtf8 = "Trong Excel chọn Tệp → Lưu Như (File → Save As), loại tệp “CSV UTF-8 (Comma delimited) (*.csv)”, rồi gửi lại tệp.";

    private static string LegacyEncoding(int row) =>
        $"Dòng {row} không đọc được theo UTF-8: tệp có vẻ được lưu bằng bảng mã khác (Windows-1258 hoặc Windows-1252). {SaveAsUtf8}";

    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    /// <summary>What Excel writes for "Unicode Text": UTF-16 LE with a BOM, tabs, CRLF, quotes only around cells that need them.</summary>
    private static byte[] UnicodeText(string text, Encoding? encoding = null)
    {
        encoding ??= Encoding.Unicode;
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    private const string TabText =
        "ma_don_vi\tten_don_vi\tngay_so_lieu\tchi_tieu\ttu_so\tmau_so\tghi_chu\r\n"
        + "p-an-hoa\tPhường An Hòa\t30/06/2024\tc\t82\t100\t\"đủ, đúng hạn\r\n(đã rà soát)\"\r\n"
        + "q-ninh-kieu\tQuận Ninh Kiều\t30/06/2024\tdossiers\t1234\t\tsố liệu \"quý II\"\r\n";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void ReadCsv_ExcelUnicodeTextTabSeparatedUtf16WithBom_ReadsEveryFieldAtSpreadsheetRows(string encoding)
    {
        var file = FigureFileReader.Read(new MemoryStream(UnicodeText(TabText, Encoding.GetEncoding(encoding))), "so-lieu.csv");

        Assert.Empty(file.ReadErrors);
        Assert.Equal([new Figure("p-an-hoa", "c", June30, 82, 100), new Figure("q-ninh-kieu", "dossiers", June30, 1234, null)], file.Figures);
        // The quoted line break stays inside row 2.
        Assert.Equal([2, 3], file.Rows);
    }

    [Fact]
    public void ReadCsv_TabSeparatedHeaderWithCommasAndSemicolonsInItsNames_DetectsTab()
    {
        var text = "ghi chú, nếu có; ví dụ\tunit\tasOf\tindicator\tnumerator\tdenominator\r\nxem lại, gấp\tp-an-hoa\t2024-06-30\tc\t82\t100\r\n";

        var file = FigureFileReader.Read(new MemoryStream(UnicodeText(text)), "so-lieu.csv");

        Assert.Empty(file.ReadErrors);
        Assert.Equal(new Figure("p-an-hoa", "c", June30, 82, 100), Assert.Single(file.Figures));
    }

    [Fact]
    public void ReadCsv_Windows1258_NamesTheFirstRowThatCannotBeDecodedCountingQuotedLineBreaksAsOneRow()
    {
        // Rows 2 and 3 are ASCII (row 2 spans two lines); row 4 names its unit in Vietnamese.
        var text = "ma_don_vi,ten_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\n"
                   + "p-an-hoa,\"An Hoa,\r\nNinh Kieu\",30/06/2024,c,82,100\r\n"
                   + "p-an-binh,An Binh,30/06/2024,c,1,2\r\n"
                   + "p-cai-khe,Phường Cái Khế,30/06/2024,c,1,2\r\n"
                   + "p-tan-an,Phường Tân An,30/06/2024,c,1,2\r\n";

        var file = FigureFileReader.Read(new MemoryStream(CodePage(1258).GetBytes(text)), "cp1258.csv");
        var preview = NoValidation(file);

        Assert.Equal([new ImportError(4, "", LegacyEncoding(4))], preview.Errors);
        Assert.Equal(0, preview.Rows);
        Assert.Empty(file.Figures);
    }

    [Fact]
    public void ReadCsv_Windows1252InTheHeader_NamesRowOne()
    {
        var text = "ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so,Réf.\r\np-an-hoa,30/06/2024,c,82,100,x\r\n";

        var error = Assert.Single(FigureFileReader.Read(new MemoryStream(CodePage(1252).GetBytes(text)), "ansi.csv").ReadErrors);

        Assert.Equal(new ImportError(1, "", LegacyEncoding(1)), error);
    }

    [Theory]
    [InlineData("p-an-hoa,2024-06-30,c,1,2\n\xFF", 4)]                 // a stray byte after the last line break is a row of its own
    [InlineData("p-an-hoa,2024-06-30,c,1,\"2\n\n\xFF\"\n", 3)]          // inside a quoted cell: the row the cell starts on
    [InlineData("p-an-hoa,2024-06-30,c,1,2\r\xC3(\r", 4)]              // a lead byte without its continuation, after CR line ends
    [InlineData("p-an-hoa,2024-06-30,c,1,2\n\nx,\xE1\xBA", 5)]          // a character cut short by the end of the file
    public void ReadCsv_UndecodableBytes_NameTheirSpreadsheetRow(string tail, int row)
    {
        var head = "unit,asOf,indicator,numerator,denominator\np-an-hoa,2024-06-30,c,1,2\n";
        byte[] bytes = [.. Encoding.UTF8.GetBytes(head), .. tail.Select(c => (byte)c)];

        var error = Assert.Single(FigureFileReader.Read(new MemoryStream(bytes), "so-lieu.csv").ReadErrors);

        Assert.Equal(new ImportError(row, "", LegacyEncoding(row)), error);
    }

    [Fact]
    public void ReadCsv_LongFileWithVietnameseText_DecodesAcrossBufferEndsAndNamesTheRowOfTheOneBadByte()
    {
        const int badRow = 4321;
        var lines = new List<string> { "ma_don_vi,ten_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so" };
        for (var i = 0; i < 6000; i++) lines.Add($"p-an-hoa,Phường An Hòa — Quận Ninh Kiều,30/06/2024,c,{i % 50},50");
        var good = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
        // The "ờ" of "Phường" on the bad row becomes one Windows-1258 byte.
        var offset = Encoding.UTF8.GetByteCount(string.Join("\r\n", lines.Take(badRow - 1)) + "\r\np-an-hoa,Phư");
        byte[] bad = [.. good[..offset], 0xF5, .. good[(offset + Encoding.UTF8.GetByteCount("ờ"))..]];

        var valid = FigureFileReader.Read(new MemoryStream(good), "dai.csv");
        var error = Assert.Single(FigureFileReader.Read(new MemoryStream(bad), "dai.csv").ReadErrors);

        Assert.True(good.Length > 5 * 64 * 1024);
        Assert.Empty(valid.ReadErrors);
        Assert.Equal(6000, valid.Figures.Count);
        Assert.Equal(new ImportError(badRow, "", LegacyEncoding(badRow)), error);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void ReadCsv_Utf16WithoutBom_IsRefusedOnRowOneForItsNulBytes(string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(TabText);

        var error = Assert.Single(NoValidation(FigureFileReader.Read(new MemoryStream(bytes), "unicode.csv")).Errors);

        Assert.Equal(new ImportError(1, "",
            $"Dòng 1 không đọc được theo UTF-8: dòng này có byte 0, dấu hiệu của tệp được lưu bằng UTF-16 không có BOM. {SaveAsUtf8}"), error);
    }

    [Fact]
    public void ReadCsv_Utf16WithBomAndALoneSurrogate_NamesItsRowAndTheDeclaredEncoding()
    {
        var text = "unit\tasOf\tindicator\tnumerator\tdenominator\r\np-an-hoa\t2024-06-30\tc\t1\t2\r\np-an-hoa\t2024-06-30\tc\t1\t2 \uD83D\r\n";
        byte[] bytes = [0xFF, 0xFE, .. text.SelectMany(c => new[] { (byte)c, (byte)(c >> 8) })];

        var error = Assert.Single(FigureFileReader.Read(new MemoryStream(bytes), "unicode.csv").ReadErrors);

        Assert.Equal(new ImportError(3, "",
            $"Dòng 3 không đọc được theo UTF-16: đầu tệp ghi là UTF-16 (có BOM) nhưng dòng này có byte không hợp lệ, có thể tệp đã bị hỏng. {SaveAsUtf8}"), error);
    }

    [Fact]
    public void Validate_ValidatorErrors_AreMappedToRowAndColumnAsWritten()
    {
        var file = ReadCsv("Chi_Tieu,Ma_Don_Vi,Ngay_So_Lieu,Tu_So,Mau_So\nc,p-an-hoa,2024-06-30,82,100\n\nc,p-xx,2024-06-30,150,100\n");
        IReadOnlyList<Figure>? seen = null;

        var preview = file.Validate(figures =>
        {
            seen = figures;
            return [new FigureError(1, "numerator", "Tử số (150) lớn hơn mẫu số (100)."), new FigureError(1, "unit", "Không có đơn vị mã “p-xx”.")];
        });

        Assert.Equal(2, seen!.Count);
        Assert.Equal(
        [
            new ImportError(4, "Ma_Don_Vi", "Không có đơn vị mã “p-xx”."),
            new ImportError(4, "Tu_So", "Tử số (150) lớn hơn mẫu số (100)."),
        ], preview.Errors);
    }

    [Fact]
    public void Validate_FieldThatCouldNotBeRead_IsNotReportedTwice()
    {
        var file = ReadCsv("unit,asOf,indicator,numerator,denominator\np-an-hoa,hôm qua,,x,\n");

        // What the shared validator says about the placeholders put in for unreadable cells.
        var preview = file.Validate(figures =>
        [
            new FigureError(0, "asOf", "Ngày số liệu 01/01/0001 nằm ngoài đợt thi đua."),
            new FigureError(0, "indicator", "Thiếu mã chỉ tiêu."),
            new FigureError(0, "denominator", "Thiếu mẫu số."),
            new FigureError(0, "numerator", "Tử số không được âm."),
        ]);

        Assert.Equal(["asOf", "indicator", "numerator"], preview.Errors.Select(e => e.Column));
        Assert.DoesNotContain(preview.Errors, e => e.Message.Contains("0001", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Counts_RowsDistinctUnitsAndSortedIndicators()
    {
        var preview = NoValidation(ReadCsv("unit,asOf,indicator,numerator,denominator\n"
            + "q-ninh-kieu,2024-06-30,h,1,2\np-an-hoa,2024-06-30,dossiers,5,\np-an-hoa,2024-06-30,c,1,2\nq-ninh-kieu,2024-06-30,c,1,2\n"));

        Assert.Equal(4, preview.Rows);
        Assert.Equal(2, preview.Units);
        Assert.Equal(["c", "dossiers", "h"], preview.Indicators);
        Assert.False(preview.HasErrors);
    }

    [Fact]
    public void Validate_ManyErrors_ListsTheFirstThousandAndCountsAll()
    {
        var csv = new StringBuilder("unit,asOf,indicator,numerator,denominator\n");
        for (var i = 0; i < 1500; i++) csv.Append("p-an-hoa,2024-06-30,c,x,2\n");

        var preview = NoValidation(ReadCsv(csv.ToString()));

        Assert.Equal(FigureFile.MaxListedErrors, preview.Errors.Count);
        Assert.Equal(1500, preview.ErrorCount);
        Assert.Equal(2, preview.Errors[0].Row);
    }

    [Fact]
    public void ReadCsv_HundredThousandRows_ReadsThemAll()
    {
        var csv = new StringBuilder("ma_don_vi;ngay_so_lieu;chi_tieu;tu_so;mau_so\r\n");
        string[] units = ["p-an-hoa", "q-ninh-kieu", "p-an-binh"];
        for (var i = 0; i < 100_000; i++) csv.Append(units[i % 3]).Append(";30/06/2024;c;").Append(i % 50).Append(";50\r\n");

        var file = ReadCsv(csv.ToString(), bom: true);
        var preview = NoValidation(file);

        Assert.Equal(100_000, preview.Rows);
        Assert.Equal(3, preview.Units);
        Assert.Empty(preview.Errors);
        Assert.Equal(100_001, file.Rows[^1]);
        // Codes are shared between rows rather than held once per row.
        Assert.Same(file.Figures[0].Unit, file.Figures[99_999].Unit);
    }

    [Fact]
    public void ReadXlsx_DateCellsAndNumbersAsDoubles_ReadsEveryField()
    {
        var file = ReadXlsx(
        [
            new() { ["Indicator"] = "c", ["AsOf"] = new DateTime(2024, 6, 30), ["Unit"] = "p-an-hoa", ["Numerator"] = 82.0, ["Denominator"] = 100.0 },
            new() { ["Indicator"] = "dossiers", ["AsOf"] = new DateTime(2024, 6, 30), ["Unit"] = "q-ninh-kieu", ["Numerator"] = 1234L, ["Denominator"] = null },
        ]);

        Assert.Empty(file.ReadErrors);
        Assert.Equal([new Figure("p-an-hoa", "c", June30, 82, 100), new Figure("q-ninh-kieu", "dossiers", June30, 1234, null)], file.Figures);
        Assert.Equal([2, 3], file.Rows);
    }

    [Fact]
    public void ReadXlsx_TextDatesAndTextNumbers_ReadsEveryField()
    {
        var file = ReadXlsx(
        [
            new() { ["ma_don_vi"] = "p-an-hoa", ["ngay_so_lieu"] = "30/06/2024", ["chi_tieu"] = "c", ["tu_so"] = "82", ["mau_so"] = "100" },
            new() { ["ma_don_vi"] = "p-an-hoa", ["ngay_so_lieu"] = "2024-06-30", ["chi_tieu"] = "b", ["tu_so"] = 3, ["mau_so"] = 4 },
        ]);

        Assert.Empty(file.ReadErrors);
        Assert.Equal([new Figure("p-an-hoa", "c", June30, 82, 100), new Figure("p-an-hoa", "b", June30, 3, 4)], file.Figures);
    }

    [Fact]
    public void ReadXlsx_BadCellsAfterABlankRow_GiveSpreadsheetRowsAndHeadersAsWritten()
    {
        var file = ReadXlsx(
        [
            new() { ["MA_DON_VI"] = "p-an-hoa", ["Ngay_So_Lieu"] = new DateTime(2024, 6, 30), ["Chi_Tieu"] = "c", ["Tu_So"] = 82, ["Mau_So"] = 100 },
            new() { ["MA_DON_VI"] = null, ["Ngay_So_Lieu"] = null, ["Chi_Tieu"] = null, ["Tu_So"] = null, ["Mau_So"] = null },
            new() { ["MA_DON_VI"] = "p-an-hoa", ["Ngay_So_Lieu"] = "30.06.2024", ["Chi_Tieu"] = "c", ["Tu_So"] = 82.5, ["Mau_So"] = 100 },
        ]);

        var preview = NoValidation(file);

        Assert.Equal(2, preview.Rows);
        Assert.Equal(
        [
            new ImportError(4, "Ngay_So_Lieu", "Ngày số liệu “30.06.2024” không hợp lệ; viết theo dạng yyyy-MM-dd hoặc dd/MM/yyyy (ví dụ 2024-06-30 hoặc 30/06/2024)."),
            new ImportError(4, "Tu_So", "Tử số “82.5” không phải là số nguyên; viết liền các chữ số, không dùng dấu phân cách hàng nghìn."),
        ], preview.Errors);
    }

    [Fact]
    public void ReadXlsx_NotAWorkbook_SaysTheFileCannotBeRead()
    {
        var file = FigureFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("unit,asOf\n")), "gia.xlsx");

        Assert.Equal(new ImportError(1, "", "Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx."), Assert.Single(file.ReadErrors));
    }

    [Theory]
    [InlineData("csv", "mau-nhap-so-lieu.csv", "text/csv; charset=utf-8")]
    [InlineData("xlsx", "mau-nhap-so-lieu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public void Template_ReadBack_HasVietnameseHeadersAndTwoGoodExamples(string format, string fileName, string contentType)
    {
        var template = ImportTemplate.Create(format, TemplateCampaign, TemplateUnits)!.Value;

        var file = FigureFileReader.Read(new MemoryStream(template.Content), template.FileName);

        Assert.Equal((fileName, contentType), (template.FileName, template.ContentType));
        Assert.Empty(file.ReadErrors);
        Assert.Equal(["ma_don_vi", "ngay_so_lieu", "chi_tieu", "tu_so", "mau_so"], FigureFields.All.Select(file.ColumnName));
        Assert.Equal([new Figure("p-an-hoa", "c", June30, 82, 100), new Figure("q-ninh-kieu", "dossiers", June30, 5120, null)], file.Figures);
    }

    private static readonly Campaign TemplateCampaign = new(DemoCampaignTests.LoadRules());
    private static readonly IReadOnlyList<UnitInfo> TemplateUnits = UnitSeed.Load(UnitSeed.CanTho2024).Units;

    [Fact]
    public void Template_Xlsx_SecondSheetListsEveryUnitAlphabeticallyAndEveryContent()
    {
        var template = ImportTemplate.Xlsx(TemplateCampaign, TemplateUnits);

        using var stream = new MemoryStream(template);
        Assert.Equal(["Số liệu", "Danh mục"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "Danh mục").Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();
        var units = rows.TakeWhile(r => r[0] is not null).ToList();
        Assert.Equal(TemplateUnits.Count, units.Count);
        Assert.Equal(TemplateUnits.Select(u => u.Name).Order(Vi.Collation), units.Select(r => r[1]));
        Assert.Contains(["p-an-hoa", "Phường An Hòa", TemplateCampaign.Block("phuong")!.Name, "Ninh Kiều"], units);
        var contents = rows.Skip(units.Count + 2).ToList();
        Assert.Equal([.. TemplateCampaign.Rules.Indicators.Select(i => i.Code), Figure.Dossiers], contents.Select(r => r[0]));
        Assert.Contains(contents, r => r[0] == "dd" && r[2] == "đ" && r[1] == TemplateCampaign.Indicator("dd")!.Name);
    }

    [Fact]
    public void ResolveUnitNames_NameSharedByTwoUnits_OneErrorNamingBoth()
    {
        var file = ReadCsv("ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\nXa Tan Hoa,30/06/2024,c,1,2\n");

        file.ResolveUnitNames([new UnitInfo("x-tan-hoa-1", "Xã Tân Hòa", "xa", "Phong Điền"), new UnitInfo("x-tan-hoa-2", "Xã Tân  Hoà", "xa", "Thới Lai")]);

        var error = Assert.Single(file.ReadErrors);
        Assert.Equal((2, "ma_don_vi"), (error.Row, error.Column));
        Assert.Contains("x-tan-hoa-1 (Xã Tân Hòa, Phong Điền)", error.Message);
        Assert.Contains("x-tan-hoa-2 (Xã Tân  Hoà, Thới Lai)", error.Message);
        Assert.Contains("hãy ghi mã đơn vị", error.Message);
    }

    [Fact]
    public void Template_Csv_IsUtf8WithBomCommasAndCrlf()
    {
        Assert.Equal(
            [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\np-an-hoa,30/06/2024,c,82,100\r\nq-ninh-kieu,30/06/2024,dossiers,5120,\r\n")],
            ImportTemplate.Csv());
    }

    [Fact]
    public void Template_UnknownFormat_IsNull()
    {
        Assert.Null(ImportTemplate.Create("pdf", TemplateCampaign, TemplateUnits));
    }
}
