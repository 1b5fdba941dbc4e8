using System.IO.Compression;
using System.Xml.Linq;

namespace MuScore.Ingest.Tests;

/// <summary>One cell as a reader shows it: its text and whether it is a number.</summary>
internal readonly record struct ShownCell(string Text, bool Number);

/// <summary>
/// Every sheet of a workbook as the cells a user sees, read with LINQ to XML independently of the
/// project's reader: shared and inline strings, numbers, cell references or their absence.
/// </summary>
internal static class WorkbookCells
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static List<(string Name, List<ShownCell?[]> Rows)> Read(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } sst
            ? Load(sst).Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        var targets = Load(zip.GetEntry("xl/_rels/workbook.xml.rels")!).Root!.Elements()
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        return Load(zip.GetEntry("xl/workbook.xml")!).Root!.Descendants(Main + "sheet")
            .Select(sheet => ((string)sheet.Attribute("name")!, Rows(Load(zip.GetEntry("xl/" + targets[(string)sheet.Attribute(Relationships + "id")!].TrimStart('/').Replace("xl/", string.Empty, StringComparison.Ordinal))!), shared)))
            .ToList();
    }

    private static List<ShownCell?[]> Rows(XDocument sheet, List<string> shared)
    {
        var rows = new List<ShownCell?[]>();
        foreach (var row in sheet.Descendants(Main + "row"))
        {
            var cells = new List<ShownCell?>();
            foreach (var c in row.Elements(Main + "c"))
            {
                var column = c.Attribute("r") is { } r ? CellReference.ParseColumn(r.Value) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(null);
                }

                var value = c.Element(Main + "v")?.Value;
                cells.Add((string?)c.Attribute("t") switch
                {
                    "s" => new ShownCell(shared[int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture)], false),
                    "inlineStr" => new ShownCell(string.Concat(c.Descendants(Main + "t").Select(t => t.Value)), false),
                    _ => value is null ? null : new ShownCell(value, true),
                });
            }

            rows.Add([.. cells]);
        }

        return rows;
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream, System.Xml.Linq.LoadOptions.PreserveWhitespace);
    }
}
