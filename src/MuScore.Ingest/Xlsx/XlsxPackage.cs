using System.IO.Compression;
using System.Xml;

namespace MuScore.Ingest;

/// <summary>
/// Where the parts of a workbook are: the officeDocument relationship names the workbook; the
/// worksheet named in <see cref="TableReadOptions.Sheet"/>, else the workbook's first visible
/// &lt;sheet&gt; that is a worksheet (tab order; a hidden sheet is never the data a clerk looked
/// at), is the table; the workbook's relationships name the shared strings and styles.
/// </summary>
internal sealed class XlsxPackage
{
    private const string WorksheetType = "/worksheet";

    private XlsxPackage(ZipArchiveEntry sheet, string sheetName, ZipArchiveEntry? sharedStrings, ZipArchiveEntry? styles, bool date1904)
    {
        Sheet = sheet;
        SheetName = sheetName;
        SharedStrings = sharedStrings;
        Styles = styles;
        Date1904 = date1904;
    }

    public ZipArchiveEntry Sheet { get; }

    public string SheetName { get; }

    public ZipArchiveEntry? SharedStrings { get; }

    public ZipArchiveEntry? Styles { get; }

    public bool Date1904 { get; }

    /// <summary>Locates the parts; throws <see cref="TableFormatException"/> when the archive is no workbook.</summary>
    public static XlsxPackage Locate(ZipArchive archive, string displayName, string? sheetName)
    {
        var rootRelations = ReadRelations(archive, "_rels/.rels", string.Empty);
        var workbookPath = "xl/workbook.xml";
        foreach (var (type, target) in rootRelations.Values)
        {
            if (type.EndsWith("/officeDocument", StringComparison.Ordinal))
            {
                workbookPath = target;
            }
        }

        var workbook = Find(archive, workbookPath)
            ?? throw TableFormatException.For(displayName, "is a zip archive but not an .xlsx workbook (it has no xl/workbook.xml)");

        var (sheets, date1904) = ReadWorkbook(workbook);
        var directory = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : string.Empty;
        var relations = ReadRelations(archive, $"{directory}_rels/{workbookPath[directory.Length..]}.rels", directory);
        var seen = new List<string>();
        foreach (var (name, id, visible) in sheets)
        {
            if (relations.TryGetValue(id, out var relation) && relation.Type.EndsWith(WorksheetType, StringComparison.Ordinal))
            {
                if (sheetName is null ? !visible : !string.Equals(name, sheetName, StringComparison.Ordinal))
                {
                    seen.Add(visible ? $"'{name}'" : $"'{name}' (hidden)");
                    continue;
                }

                var sheet = Find(archive, relation.Target)
                    ?? throw TableFormatException.For(displayName, $"is not a valid .xlsx workbook: worksheet '{name}' names the missing part {relation.Target}");
                return new XlsxPackage(sheet, name, FindByType(archive, relations, "/sharedStrings"), FindByType(archive, relations, "/styles"), date1904);
            }
        }

        var list = seen.Count == 0 ? "none" : string.Join(", ", seen);
        throw TableFormatException.For(
            displayName,
            sheetName is not null ? $"has no worksheet named '{sheetName}' (sheets: {list})"
            : seen.Count == 0 ? "is an .xlsx workbook without any worksheet"
            : $"is an .xlsx workbook without a visible worksheet (sheets: {list})");
    }

    private static (List<(string Name, string Id, bool Visible)> Sheets, bool Date1904) ReadWorkbook(ZipArchiveEntry workbook)
    {
        var sheets = new List<(string, string, bool)>();
        var date1904 = false;
        using var reader = XlsxXml.CreateReader(workbook.Open());
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "workbookPr")
            {
                date1904 = reader.GetAttribute("date1904") is "1" or "true";
            }
            else if (reader.LocalName == "sheet")
            {
                var id = XlsxXml.RelationshipNamespaces.Select(ns => reader.GetAttribute("id", ns)).FirstOrDefault(v => v is not null);
                if (id is not null)
                {
                    sheets.Add((reader.GetAttribute("name") ?? string.Empty, id, reader.GetAttribute("state") is null or "visible"));
                }
            }
        }

        return (sheets, date1904);
    }

    private static Dictionary<string, (string Type, string Target)> ReadRelations(ZipArchive archive, string path, string baseDirectory)
    {
        var relations = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var entry = Find(archive, path);
        if (entry is null)
        {
            return relations;
        }

        using var reader = XlsxXml.CreateReader(entry.Open());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && reader.GetAttribute("TargetMode") != "External"
                && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
            {
                relations[id] = (reader.GetAttribute("Type") ?? string.Empty, Resolve(baseDirectory, target));
            }
        }

        return relations;
    }

    private static ZipArchiveEntry? FindByType(ZipArchive archive, Dictionary<string, (string Type, string Target)> relations, string typeSuffix)
    {
        foreach (var (type, target) in relations.Values)
        {
            if (type.EndsWith(typeSuffix, StringComparison.Ordinal))
            {
                return Find(archive, target);
            }
        }

        return null;
    }

    /// <summary>A relationship target made an archive path: "/xl/a.xml" is absolute, "../a.xml" climbs.</summary>
    internal static string Resolve(string baseDirectory, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : baseDirectory + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static ZipArchiveEntry? Find(ZipArchive archive, string path) =>
        archive.GetEntry(path) ?? archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
}
