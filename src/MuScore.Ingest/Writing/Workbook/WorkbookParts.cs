using System.Globalization;

namespace MuScore.Ingest;

/// <summary>
/// The small fixed parts of a workbook around its sheets: content types, relationships, the
/// workbook with its sheet names, the styles (style 1 is the bold header), the shared strings,
/// and each sheet's opening (frozen header row, column widths) and closing.
/// </summary>
internal static class WorkbookParts
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    public static string SheetPath(int sheet) => string.Create(CultureInfo.InvariantCulture, $"xl/worksheets/sheet{sheet}.xml");

    public static void SheetStart(SheetXmlBuffer xml, IReadOnlyList<string> headers)
    {
        xml.AppendRaw(Declaration);
        xml.AppendRaw($"<worksheet xmlns=\"{Main}\" xmlns:r=\"{Relationships}\">");
        xml.AppendRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews>");
        xml.AppendRaw("<cols>");
        for (var i = 0; i < headers.Count; i++)
        {
            xml.AppendRaw(string.Create(CultureInfo.InvariantCulture, $"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{XlsxTableWriter.Width(headers[i])}\" customWidth=\"1\"/>"));
        }

        xml.AppendRaw("</cols><sheetData>");
    }

    public static void SheetEnd(SheetXmlBuffer xml) => xml.AppendRaw("</sheetData></worksheet>");

    public static string Workbook(IReadOnlyList<string> sheetNames)
    {
        var sheets = string.Concat(sheetNames.Select((name, i) => string.Create(
            CultureInfo.InvariantCulture, $"<sheet name=\"{Attribute(name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")));
        return $"{Declaration}<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>{sheets}</sheets></workbook>";
    }

    public static string WorkbookRelationships(int sheetCount)
    {
        var sheets = string.Concat(Enumerable.Range(1, sheetCount).Select(i => string.Create(
            CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>")));
        return string.Create(CultureInfo.InvariantCulture, $"{Declaration}<Relationships xmlns=\"{PackageRelationships}\">{sheets}"
            + $"<Relationship Id=\"rId{sheetCount + 1}\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/>"
            + $"<Relationship Id=\"rId{sheetCount + 2}\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
    }

    public static string PackageRelationshipsPart() =>
        $"{Declaration}<Relationships xmlns=\"{PackageRelationships}\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    public static string ContentTypesPart(int sheetCount)
    {
        var sheets = string.Concat(Enumerable.Range(1, sheetCount).Select(i => string.Create(
            CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"{ContentTypes}.worksheet+xml\"/>")));
        return $"{Declaration}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{ContentTypes}.sheet.main+xml\"/>{sheets}"
            + $"<Override PartName=\"/xl/styles.xml\" ContentType=\"{ContentTypes}.styles+xml\"/>"
            + $"<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{ContentTypes}.sharedStrings+xml\"/></Types>";
    }

    /// <summary>Two cell formats: 0 plain, 1 bold (the header row).</summary>
    public static string Styles() =>
        $"{Declaration}<styleSheet xmlns=\"{Main}\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

    public static void SharedStrings(SheetXmlBuffer xml, IReadOnlyList<string> strings, long references)
    {
        xml.AppendRaw(string.Create(CultureInfo.InvariantCulture, $"{Declaration}<sst xmlns=\"{Main}\" count=\"{references}\" uniqueCount=\"{strings.Count}\">"));
        foreach (var text in strings)
        {
            xml.AppendRaw(NeedsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            xml.AppendText(text);
            xml.AppendRaw("</t></si>");
        }

        xml.AppendRaw("</sst>");
    }

    /// <summary>Whether a reader would trim the text's edges without xml:space="preserve".</summary>
    public static bool NeedsPreserve(string text) => char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);

    private static string Attribute(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
