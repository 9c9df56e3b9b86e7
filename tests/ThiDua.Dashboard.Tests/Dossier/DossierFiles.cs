using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ThiDua.Dashboard.Tests.Dossier;

/// <summary>Reads generated dossier files back: the Open XML SDK's validation errors and the text a reader sees.</summary>
internal static class DossierFiles
{
    public static IReadOnlyList<string> WordErrors(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    public static IReadOnlyList<string> SheetErrors(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        return [.. new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>The body's paragraphs, one per line, then every page header's.</summary>
    public static string WordText(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        var main = document.MainDocumentPart!;
        var text = new StringBuilder();
        foreach (var paragraph in main.Document!.Descendants<W.Paragraph>()) text.AppendLine(paragraph.InnerText);
        foreach (var header in main.HeaderParts)
            foreach (var paragraph in header.Header!.Descendants<W.Paragraph>()) text.AppendLine(paragraph.InnerText);
        return text.ToString();
    }

    /// <summary>Every cell's text or value, one per line, then the printed page header.</summary>
    public static string SheetText(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var text = new StringBuilder();
        foreach (var cell in sheet.Descendants<S.Cell>())
            text.AppendLine(cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "");
        text.AppendLine(sheet.Descendants<S.OddHeader>().SingleOrDefault()?.Text);
        return text.ToString();
    }

    /// <summary>The page set-up of the document's one section: A4 portrait, margins in twips.</summary>
    public static (int Width, int Height, int Top, int Bottom, int Left, int Right) Page(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        var section = document.MainDocumentPart!.Document!.Body!.Elements<W.SectionProperties>().Single();
        var size = section.GetFirstChild<W.PageSize>()!;
        var margin = section.GetFirstChild<W.PageMargin>()!;
        return ((int)size.Width!.Value, (int)size.Height!.Value, margin.Top!.Value, margin.Bottom!.Value, (int)margin.Left!.Value, (int)margin.Right!.Value);
    }

    public static string DefaultFont(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        var defaults = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        return $"{defaults.RunFonts!.Ascii} {defaults.FontSize!.Val}";
    }
}
