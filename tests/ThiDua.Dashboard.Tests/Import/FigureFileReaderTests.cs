using System.Text;
using MiniExcelLibs;
using ThiDua.Dashboard.Import;
using ThiDua.Scoring.Figures;

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
        Assert.Equal("Tệp CSV không được mã hóa UTF-8; hãy lưu lại bằng “CSV UTF-8 (Comma delimited)”.", error.Message);
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
        var template = ImportTemplate.Create(format)!.Value;

        var file = FigureFileReader.Read(new MemoryStream(template.Content), template.FileName);

        Assert.Equal((fileName, contentType), (template.FileName, template.ContentType));
        Assert.Empty(file.ReadErrors);
        Assert.Equal(["ma_don_vi", "ngay_so_lieu", "chi_tieu", "tu_so", "mau_so"], FigureFields.All.Select(file.ColumnName));
        Assert.Equal([new Figure("p-an-hoa", "c", June30, 82, 100), new Figure("q-ninh-kieu", "dossiers", June30, 5120, null)], file.Figures);
    }

    [Fact]
    public void Template_UnknownFormat_IsNull()
    {
        Assert.Null(ImportTemplate.Create("pdf"));
    }
}
