using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// A Word document laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays out official documents, as
/// commonly applied: A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
/// Roman, body 14 pt; the issuing body top left, the national header top right with a line under
/// the Tiêu ngữ; page numbers centred at the top from page 2; a draft carries "DỰ THẢO" on every page.
/// </summary>
public static class OfficialDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Times New Roman";

    // Twentieths of a point: A4 is 210 × 297 mm; 1 mm ≈ 56.7 twips.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 850;

    /// <summary>The width between the margins, for tables that fill it.</summary>
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>Half-points, as Word counts font sizes.</summary>
    public const int Body = 28, Small = 26, Smaller = 24, Tiny = 22;

    /// <summary>Writes a document whose body <paramref name="content"/> fills; the page set-up, fonts and headers are added here.</summary>
    public static byte[] Write(bool draft, Action<Body> content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            content(body);

            var firstHeader = main.AddNewPart<HeaderPart>();
            firstHeader.Header = new Header(draft ? DraftMark() : new Paragraph());
            var otherHeader = main.AddNewPart<HeaderPart>();
            otherHeader.Header = new Header(PageNumber(), draft ? DraftMark() : new Paragraph());

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(otherHeader) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstHeader) },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 },
                new TitlePage()));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The two-column head: the superior body and the issuing body (with a short line under it) on
    /// the left, the Quốc hiệu and the underlined Tiêu ngữ on the right; then the number and the
    /// place and date in italics.
    /// </summary>
    public static void NationalHeader(Body body, DossierOptions issuer, string? numberLine, string placeAndDate)
    {
        const int left = 3800, right = TextWidth - left;
        var table = new Table(Properties(TextWidth, NoBorders()),
            new TableGrid(new GridColumn { Width = left.ToString() }, new GridColumn { Width = right.ToString() }));

        table.Append(new TableRow(
            Cell(left,
                Line(issuer.IssuerParent.ToUpperInvariant(), Small, center: true),
                Line(issuer.Issuer.ToUpperInvariant(), Small, center: true, bold: true),
                Rule(inset: 1200)),
            Cell(right,
                Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Smaller, center: true, bold: true),
                Line("Độc lập - Tự do - Hạnh phúc", Body, center: true, bold: true),
                Rule(inset: 980))));
        table.Append(new TableRow(
            Cell(left, Line(numberLine ?? "", Small, center: true)),
            Cell(right, Line(placeAndDate, Body, center: true, italic: true))));
        body.Append(table);
        body.Append(Spacer());
    }

    /// <summary>The kind of document and its subject, centred and bold.</summary>
    public static void Title(Body body, string kind, params string[] subject)
    {
        body.Append(Line(kind, Body, center: true, bold: true, before: 240));
        foreach (var line in subject) body.Append(Line(line, Body, center: true, bold: true));
        body.Append(Spacer());
    }

    /// <summary>A body paragraph: justified, first line indented 1 cm, 6 pt after.</summary>
    public static Paragraph Text(string text, bool bold = false, bool italic = false, bool indent = true) =>
        Para(text, Body, JustificationValues.Both, bold, italic, firstLine: indent ? 567 : 0, after: 120);

    /// <summary>A heading inside the body (I., II., 1., …): bold, left, kept with what follows.</summary>
    public static Paragraph Heading(string text)
    {
        var paragraph = Para(text, Body, JustificationValues.Both, bold: true, italic: false, firstLine: 567, after: 120, before: 120);
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        return paragraph;
    }

    /// <summary>A table with a bold header row and thin borders; widths in twips, summing to at most <see cref="TextWidth"/>.</summary>
    public static Table Grid(IReadOnlyList<int> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows,
        int size = Smaller, ISet<int>? rightAligned = null)
    {
        var table = new Table(Properties(widths.Sum(), new TableBorders(Thin<TopBorder>(), Thin<LeftBorder>(), Thin<BottomBorder>(), Thin<RightBorder>(),
                Thin<InsideHorizontalBorder>(), Thin<InsideVerticalBorder>())),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var head = new TableRow(header.Select((text, i) => Cell(widths[i], Line(text, size, center: true, bold: true))));
        head.PrependChild(new TableRowProperties(new TableHeader()));
        table.Append(head);
        foreach (var row in rows)
            table.Append(new TableRow(row.Select((text, i) =>
                Cell(widths[i], Para(text, size, rightAligned?.Contains(i) == true ? JustificationValues.Right : JustificationValues.Left,
                    false, false, firstLine: 0, after: 0)))));
        return table;
    }

    /// <summary>
    /// The foot of a document that one person signs: "Nơi nhận:" on the left, the signer's authority
    /// and title on the right with room to sign; an unknown name is left as a blank to fill.
    /// </summary>
    public static void Signature(Body body, IReadOnlyList<string> recipients, IReadOnlyList<string> signer, string? name)
    {
        var left = new List<Paragraph>();
        if (recipients.Count > 0)
        {
            left.Add(Line("Nơi nhận:", Smaller, center: false, bold: true, italic: true));
            left.AddRange(recipients.Select(r => Line(r, Tiny, center: false)));
        }
        Foot(body, left, Signer(signer, name, hint: false));
    }

    /// <summary>The foot of a document that two people sign side by side (the minutes, a unit's report).</summary>
    public static void Signatures(Body body, IReadOnlyList<string> leftSigner, string? leftName, IReadOnlyList<string> rightSigner, string? rightName) =>
        Foot(body, Signer(leftSigner, leftName, hint: true), Signer(rightSigner, rightName, hint: true));

    private static List<Paragraph> Signer(IReadOnlyList<string> titles, string? name, bool hint)
    {
        var lines = titles.Select(line => Line(line, Body, center: true, bold: true)).ToList();
        if (hint) lines.Add(Line("(Ký, ghi rõ họ tên)", Smaller, center: true, italic: true));
        for (var i = 0; i < 4; i++) lines.Add(Line("", Body, center: true));
        lines.Add(Line(string.IsNullOrWhiteSpace(name) ? DossierText.Blank : name.Trim(), Body, center: true, bold: true));
        return lines;
    }

    private static void Foot(Body body, List<Paragraph> left, List<Paragraph> right)
    {
        const int leftWidth = 4300, rightWidth = TextWidth - leftWidth;
        if (left.Count == 0) left.Add(new Paragraph());
        var table = new Table(Properties(TextWidth, NoBorders()),
            new TableGrid(new GridColumn { Width = leftWidth.ToString() }, new GridColumn { Width = rightWidth.ToString() }),
            new TableRow(new TableRowProperties(new CantSplit()), Cell(leftWidth, [.. left]), Cell(rightWidth, [.. right])));
        body.Append(Spacer());
        body.Append(table);
    }

    /// <summary>The schema fixes the order: width, borders, layout.</summary>
    private static TableProperties Properties(int width, TableBorders borders) =>
        new(new TableWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }, borders, new TableLayout { Type = TableLayoutValues.Fixed });

    private static TableBorders NoBorders() =>
        new(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });

    public static Paragraph Spacer() => Line("", Smaller, center: false);

    /// <summary>A line with no spacing after it, for headers and signature blocks.</summary>
    public static Paragraph Line(string text, int size, bool center, bool bold = false, bool italic = false, int before = 0) =>
        Para(text, size, center ? JustificationValues.Center : JustificationValues.Left, bold, italic, firstLine: 0, after: 0, before: before);

    private static Paragraph Para(string text, int size, JustificationValues justification, bool bold, bool italic, int firstLine, int after, int before = 0)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(), After = after.ToString() },
            Justification = new Justification { Val = justification },
        };
        if (firstLine > 0) properties.Indentation = new Indentation { FirstLine = firstLine.ToString() };
        var paragraph = new Paragraph(properties);
        if (text.Length > 0) paragraph.Append(Run(text, size, bold, italic));
        return paragraph;
    }

    private static Run Run(string text, int size, bool bold, bool italic)
    {
        var properties = new RunProperties { FontSize = new FontSize { Val = size.ToString() }, FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString() } };
        if (bold) properties.Bold = new Bold();
        if (italic) properties.Italic = new Italic();
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>
    /// The short line under the issuing body and under the Tiêu ngữ: a paragraph of its own with a top
    /// border, narrowed by <paramref name="inset"/> twips each side (the decree wants it about as long
    /// as the text above), so the text itself keeps the whole cell width.
    /// </summary>
    private static Paragraph Rule(int inset) => new(new ParagraphProperties
    {
        ParagraphBorders = new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
        SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
        Indentation = new Indentation { Left = inset.ToString(), Right = inset.ToString() },
    });

    private static TableCell Cell(int width, params Paragraph[] paragraphs) =>
        new([new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }), .. paragraphs]);

    private static T Thin<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };

    /// <summary>"DỰ THẢO" boxed at the top right of every page.</summary>
    private static Paragraph DraftMark()
    {
        var paragraph = Line(DossierText.DraftMark, Small, center: false, bold: true);
        var properties = paragraph.ParagraphProperties!;
        properties.ParagraphBorders = new ParagraphBorders(
            new TopBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
            new LeftBorder { Val = BorderValues.Single, Size = 8, Space = 4, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
            new RightBorder { Val = BorderValues.Single, Size = 8, Space = 4, Color = "000000" });
        properties.Indentation = new Indentation { Left = (TextWidth - 1500).ToString() };
        properties.Justification = new Justification { Val = JustificationValues.Center };
        return paragraph;
    }

    /// <summary>The page number, centred; the first page has its own header without it.</summary>
    private static Paragraph PageNumber()
    {
        var size = new RunProperties { FontSize = new FontSize { Val = Body.ToString() } };
        return new Paragraph(
            new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
            new Run((RunProperties)size.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run((RunProperties)size.CloneNode(true), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run((RunProperties)size.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run((RunProperties)size.CloneNode(true), new Text("2")),
            new Run((RunProperties)size.CloneNode(true), new FieldChar { FieldCharType = FieldCharValues.End }));
    }

    /// <summary>Times New Roman 14 pt for every script, so Vietnamese letters never fall back to another font.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle
                {
                    RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    FontSize = new FontSize { Val = Body.ToString() },
                    FontSizeComplexScript = new FontSizeComplexScript { Val = Body.ToString() },
                    Languages = new Languages { Val = "vi-VN" },
                }),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
                {
                    SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto },
                })),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }
}
