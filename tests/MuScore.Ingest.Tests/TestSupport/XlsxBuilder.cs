using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MuScore.Ingest.Tests;

/// <summary>Hand-built .xlsx packages with exactly the XML a test needs, shaped as Excel writes them.</summary>
internal sealed class XlsxBuilder
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly StringBuilder sheetData = new();
    private readonly List<string> sharedStrings = [];

    /// <summary>Extra &lt;numFmt&gt; elements of styles.xml.</summary>
    public string NumFmts { get; set; } = string.Empty;

    /// <summary>The &lt;xf&gt; elements of cellXfs; index 0 is the default style.</summary>
    public List<string> CellXfs { get; } = ["<xf numFmtId=\"0\"/>"];

    public bool Date1904 { get; set; }

    public bool WithStyles { get; set; } = true;

    /// <summary>Adds a shared string item (raw inner XML of &lt;si&gt;) and returns its index.</summary>
    public int Shared(string innerXml)
    {
        sharedStrings.Add(innerXml);
        return sharedStrings.Count - 1;
    }

    /// <summary>Appends raw XML inside &lt;sheetData&gt;.</summary>
    public XlsxBuilder Raw(string xml)
    {
        sheetData.Append(xml);
        return this;
    }

    /// <summary>A row of inline-string cells starting at column A.</summary>
    public XlsxBuilder InlineRow(int row, params string[] cells)
    {
        sheetData.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Length > 0)
            {
                sheetData.Append(CultureInfo.InvariantCulture, $"<c r=\"{Column(i)}{row}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cells[i])}</t></is></c>");
            }
        }

        sheetData.Append("</row>");
        return this;
    }

    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    public byte[] Build()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Add(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr{(Date1904 ? " date1904=\"1\"" : string.Empty)}/><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId3\"/><sheet name=\"Other\" sheetId=\"2\" r:id=\"rId4\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet7.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>");
            Add(zip, "xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\" count=\"{sharedStrings.Count}\">{string.Concat(sharedStrings.Select(s => $"<si>{s}</si>"))}</sst>");
            if (WithStyles)
            {
                Add(zip, "xl/styles.xml", $"<styleSheet xmlns=\"{Main}\"><numFmts>{NumFmts}</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>{string.Concat(CellXfs)}</cellXfs></styleSheet>");
            }

            Add(zip, "xl/worksheets/sheet7.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"{Main}\"><dimension ref=\"A1:J9\"/><sheetData>{sheetData}</sheetData><mergeCells count=\"0\"/></worksheet>");
            Add(zip, "xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>");
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
