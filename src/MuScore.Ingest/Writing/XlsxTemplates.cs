using System.Globalization;
using System.Text;

namespace MuScore.Ingest;

/// <summary>The fixed parts of a one-sheet workbook written by <see cref="XlsxTableWriter"/>.</summary>
internal static class XlsxTemplates
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    public const string ContentTypes = Declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "</Types>";

    public const string RootRelations = Declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>";

    public const string WorkbookRelations = Declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "</Relationships>";

    /// <summary>Style 0: normal; style 1: bold (the header row).</summary>
    public const string Styles = Declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>";

    public static string Workbook(string sheetName)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write(Declaration);
        writer.Write("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        writer.Write("<bookViews><workbookView/></bookViews><sheets><sheet name=\"");
        XmlText.Write(writer, sheetName);
        writer.Write("\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        return writer.ToString();
    }

    /// <summary>The sheet up to the opening of sheetData: frozen first row, column widths from the headers.</summary>
    public static string SheetHead(IReadOnlyList<string> headers)
    {
        var builder = new StringBuilder(Declaration);
        builder.Append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        builder.Append("<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">");
        builder.Append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>");
        builder.Append("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>");
        builder.Append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (var i = 0; i < headers.Count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{Width(headers[i])}\" customWidth=\"1\"/>");
        }

        builder.Append("</cols><sheetData>");
        return builder.ToString();
    }

    public const string SheetTail = "</sheetData></worksheet>";

    /// <summary>A header's display width in characters (CJK counts double), between 10 and 40.</summary>
    private static int Width(string header)
    {
        var width = 2;
        foreach (var c in header)
        {
            width += c >= '\u2E80' ? 2 : 1;
        }

        return Math.Clamp(width, 10, 40);
    }
}
