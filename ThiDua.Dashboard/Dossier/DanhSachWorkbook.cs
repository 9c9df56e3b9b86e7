using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ThiDua.Dashboard.Export;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// The list as a spreadsheet, with the same head as the Word documents (issuing body left, Quốc hiệu
/// and Tiêu ngữ right, "DỰ THẢO" on a draft, also in the printed page header), A4 portrait, Times New
/// Roman 13 pt. Ranks and scores are numeric cells (two decimals) so the list can be sorted and
/// summed; the viewer shows them in its own locale (84,31 in vi-VN).
/// </summary>
public static class DanhSachWorkbook
{
    public const string FileName = "danh-sach.xlsx";
    public const string ContentType = ExportFormats.XlsxContentType;
    public const string SheetName = "Danh sách";

    private const uint Regular = 0, BoldCentre = 1, TitleCentre = 2, Header = 3, Boxed = 4, Decimal = 5, Whole = 6, Italic = 7, Bold = 8, UnderlinedCentre = 9;
    private const string LastColumn = "G";

    public static byte[] Write(AwardDossier dossier, DossierOptions options)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var rows = new SheetData();
            var merges = new MergeCells();
            Fill(rows, merges, dossier, options);

            var worksheet = new Worksheet(
                new Columns(
                    Width(1, 5), Width(2, 26), Width(3, 18), Width(4, 20), Width(5, 6), Width(6, 8), Width(7, 20)),
                rows);
            if (merges.HasChildren) worksheet.Append(merges);
            worksheet.Append(
                new PageMargins { Left = 1.18, Right = 0.59, Top = 0.79, Bottom = 0.79, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Portrait, Scale = 68 },
                new HeaderFooter(new OddHeader(dossier.IsDraft ? "&R&\"Times New Roman,Bold\"" + DossierText.DraftMark : "")));
            sheetPart.Worksheet = worksheet;

            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void Fill(SheetData rows, MergeCells merges, AwardDossier dossier, DossierOptions options)
    {
        uint row = 0;
        double? height = null;
        void Add(params Cell[] cells)
        {
            row++;
            var line = new Row { RowIndex = row };
            // A merged line that wraps does not grow by itself: give the long titles room for their lines.
            if (height is { } h) (line.Height, line.CustomHeight, height) = (h, true, null);
            foreach (var cell in cells) line.Append(cell);
            rows.Append(line);
        }
        void Merge(string from, string to) => merges.Append(new MergeCell { Reference = $"{from}{row}:{to}{row}" });

        Add(Text("A", row + 1, options.IssuerParent.ToUpperInvariant(), BoldCentre), Text("D", row + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", BoldCentre));
        Merge("A", "C"); merges.Append(new MergeCell { Reference = $"D{row}:{LastColumn}{row}" });
        Add(Text("A", row + 1, options.Issuer.ToUpperInvariant(), UnderlinedCentre), Text("D", row + 1, "Độc lập - Tự do - Hạnh phúc", UnderlinedCentre));
        Merge("A", "C"); merges.Append(new MergeCell { Reference = $"D{row}:{LastColumn}{row}" });
        Add(Text("D", row + 1, DossierText.PlaceAndDate(options.Place, dossier.IssuedOn), Italic));
        merges.Append(new MergeCell { Reference = $"D{row}:{LastColumn}{row}" });
        if (dossier.IsDraft) Add(Text("A", row + 1, DossierText.DraftMark, Bold));
        Add();
        Add(Text("A", row + 1, $"DANH SÁCH ĐỀ NGHỊ TẶNG {options.AwardName.ToUpper(Vi.Culture)}", TitleCentre));
        Merge("A", LastColumn);
        height = 54;
        Add(Text("A", row + 1, $"Phong trào thi đua “{dossier.CampaignName}”", TitleCentre));
        Merge("A", LastColumn);
        Add(Text("A", row + 1, DossierText.Basis(dossier), Italic));
        Merge("A", LastColumn);
        if (dossier.Decision is { } decision)
        {
            Add(Text("A", row + 1, $"Quyết định số {decision.Number} ngày {Vi.Date(decision.Date)} của {decision.Signer}.", Italic));
            Merge("A", LastColumn);
        }
        Add();

        Add(Text("A", row + 1, $"I. TẬP THỂ ({Vi.Count(dossier.Collectives.Count)})", Bold));
        Add(HeaderCells(row + 1, ["STT", "Tên tập thể", "Khối", "Nhóm / suất", "Hạng", "Điểm", "Ghi chú"]));
        var number = 0;
        foreach (var c in dossier.Collectives)
        {
            var slot = c.ByCommittee ? $"Xét chọn: {c.SlotName}" : c.GroupName ?? c.SlotName;
            var note = c.Tied ? "Đồng hạng, cần xét chọn" : $"Mã đơn vị: {c.Unit}";
            height = RowHeight((c.Name, 26), (c.BlockName, 18), (slot, 20), (note, 20));
            Add(Number("A", row + 1, ++number, Whole), Text("B", row + 1, c.Name, Boxed), Text("C", row + 1, c.BlockName, Boxed),
                Text("D", row + 1, slot, Boxed),
                c.Rank > 0 ? Number("E", row + 1, c.Rank, Whole) : Text("E", row + 1, "—", Boxed),
                c.Rank > 0 ? Number("F", row + 1, c.Score, Decimal) : Text("F", row + 1, "—", Boxed),
                Text("G", row + 1, note, Boxed));
        }
        Add();

        Add(Text("A", row + 1, $"II. CÁ NHÂN ({Vi.Count(dossier.Individuals.Count)})", Bold));
        Add(HeaderCells(row + 1, ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "", "", "Tóm tắt thành tích"]));
        merges.Append(new MergeCell { Reference = $"D{row}:F{row}" });
        number = 0;
        foreach (var p in dossier.Individuals)
        {
            height = RowHeight((p.FullName, 26), (p.Position, 18), (p.UnitName, 34), (p.Achievement, 20));
            Add(Number("A", row + 1, ++number, Whole), Text("B", row + 1, p.FullName, Boxed), Text("C", row + 1, p.Position, Boxed),
                Text("D", row + 1, p.UnitName, Boxed), Text("E", row + 1, "", Boxed), Text("F", row + 1, "", Boxed), Text("G", row + 1, p.Achievement, Boxed));
            merges.Append(new MergeCell { Reference = $"D{row}:F{row}" });
        }
        if (dossier.Individuals.Count == 0) Add(Text("B", row + 1, "Chưa có cá nhân nào trong đề xuất.", Italic));
    }

    /// <summary>
    /// A row tall enough for its longest wrapped cell: a stored row height is what LibreOffice and a
    /// printed page use (without one the wrapped lines of a cell spill over the rows below). Widths
    /// in characters, as the columns are set; one line is 16 points at the sheet's 12-point font.
    /// </summary>
    internal static double RowHeight(params (string Text, double Width)[] cells) =>
        16 * cells.Max(c => Math.Max(1, (int)Math.Ceiling(c.Text.Length / Math.Max(1, c.Width - 2))));

    private static Cell[] HeaderCells(uint row, IReadOnlyList<string> titles) =>
        [.. titles.Select((title, i) => Text(((char)('A' + i)).ToString(), row, title, Header))];

    private static Cell Text(string column, uint row, string text, uint style) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        StyleIndex = style,
        // An inline string is text by its type, never a formula, so no guard prefix is needed.
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(string column, uint row, decimal value, uint style) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.Number,
        StyleIndex = style,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    private static Column Width(uint index, double width) => new() { Min = index, Max = index, Width = width, CustomWidth = true };

    private static void AddStyles(WorkbookPart workbook)
    {
        static Font Font(bool bold = false, bool italic = false, bool underline = false, double size = 13)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            if (italic) font.Append(new Italic());
            if (underline) font.Append(new Underline());
            font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
            return font;
        }
        static Border Thin() => new(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        static CellFormat Format(uint font, uint border = 0, uint numberFormat = 0, HorizontalAlignmentValues? align = null, bool wrap = false) =>
            new(new Alignment { Horizontal = align ?? HorizontalAlignmentValues.General, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
            {
                FontId = font, BorderId = border, NumberFormatId = numberFormat, FillId = 0,
                ApplyFont = true, ApplyBorder = border != 0, ApplyNumberFormat = numberFormat != 0, ApplyAlignment = true,
            };

        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(Font(), Font(bold: true), Font(bold: true, size: 14), Font(italic: true), Font(bold: true, underline: true)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()),
            new CellFormats(
                Format(0),                                                           // Regular
                Format(1, align: HorizontalAlignmentValues.Center),                  // BoldCentre
                Format(2, align: HorizontalAlignmentValues.Center, wrap: true),      // TitleCentre
                Format(1, 1, align: HorizontalAlignmentValues.Center, wrap: true),   // Header
                Format(0, 1, wrap: true),                                            // Boxed
                Format(0, 1, numberFormat: 2),                                       // Decimal: 0.00
                Format(0, 1, numberFormat: 1, align: HorizontalAlignmentValues.Center), // Whole
                Format(3),                                                           // Italic
                Format(1),                                                           // Bold
                Format(4, align: HorizontalAlignmentValues.Center)));                // UnderlinedCentre
        styles.Stylesheet.Save();
    }
}
