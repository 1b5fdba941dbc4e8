using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace MuScore.Ingest;

/// <summary>
/// One worksheet of an .xlsx (the first visible one, or the one named; see <see cref="XlsxPackage"/>),
/// streamed with <see cref="XmlReader"/> row by row (the sheet
/// is never loaded whole). Cells land at the column their r attribute names; row numbers are the
/// sheet's own, so omitted rows leave gaps that <see cref="InputTable"/> turns into blank rows.
/// </summary>
internal sealed class XlsxSheetSource : ITableSource
{
    private readonly ZipArchive archive;
    private readonly CountingStream sheetStream;
    private readonly XmlReader reader;
    private readonly List<string> sharedStrings;
    private readonly bool[] dateStyles;
    private readonly bool date1904;
    private readonly string displayName;
    private string?[] values = new string?[32];
    private int count;
    private bool ended;

    private XlsxSheetSource(ZipArchive archive, XlsxPackage package, List<string> sharedStrings, bool[] dateStyles, string displayName)
    {
        this.archive = archive;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
        this.displayName = displayName;
        date1904 = package.Date1904;
        SheetName = package.SheetName;
        Length = package.Sheet.Length;
        sheetStream = new CountingStream(package.Sheet.Open());
        reader = XlsxXml.CreateReader(sheetStream);
    }

    public string Format => "xlsx";

    public string SheetName { get; }

    public int RowNumber { get; private set; }

    public int CellCount => count;

    public long Position => sheetStream.BytesRead;

    public long Length { get; }

    /// <summary>Opens the workbook in <paramref name="stream"/>; throws <see cref="TableFormatException"/> when it is none.</summary>
    public static XlsxSheetSource Open(Stream stream, bool ownsStream, string displayName, string? sheet)
    {
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: !ownsStream);
            var package = XlsxPackage.Locate(archive, displayName, sheet);
            var strings = package.SharedStrings is null ? [] : Part(package.SharedStrings, displayName, XlsxParts.ReadSharedStrings);
            var styles = package.Styles is null ? [] : Part(package.Styles, displayName, XlsxParts.ReadDateStyles);
            return new XlsxSheetSource(archive, package, strings, styles, displayName);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            archive?.Dispose();
            throw TableFormatException.For(displayName, $"is not a valid .xlsx workbook: {e.Message}", e);
        }
        catch
        {
            archive?.Dispose();
            throw;
        }
    }

    public bool Read()
    {
        Array.Clear(values, 0, count);
        count = 0;
        if (ended)
        {
            return false;
        }

        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
                {
                    ReadRow();
                    return true;
                }

                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheetData")
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw Corrupt($"{e.Message}", e);
        }

        ended = true;
        return false;
    }

    public ReadOnlySpan<char> Cell(int column) => (uint)column < (uint)count ? values[column].AsSpan() : default;

    public string ColumnName(int column) => $"column {CellReference.ColumnLetters(column)}";

    public void Dispose()
    {
        reader.Dispose();
        archive.Dispose();
    }

    private static T Part<T>(ZipArchiveEntry entry, string displayName, Func<Stream, T> read)
    {
        try
        {
            return read(entry.Open());
        }
        catch (XmlException e)
        {
            throw TableFormatException.For(displayName, $"is not a valid .xlsx workbook: part {entry.FullName} is not well-formed XML ({e.Message})", e);
        }
    }

    private void ReadRow()
    {
        var number = RowNumber + 1;
        if (reader.GetAttribute("r") is { } r && (!XlsxParts.TryInt(r, out number) || number <= RowNumber || number > CellReference.MaxRows))
        {
            throw Corrupt($"row number '{r}' is not above the previous row {RowNumber}");
        }

        RowNumber = number;
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        var nextColumn = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                nextColumn = ReadCell(nextColumn) + 1;
            }
        }
    }

    private int ReadCell(int nextColumn)
    {
        var reference = reader.GetAttribute("r");
        var column = reference is null ? nextColumn : CellReference.ParseColumn(reference);
        if (column is < 0 or >= CellReference.MaxColumns)
        {
            throw Corrupt($"cell reference '{reference}' names no column A to XFD");
        }

        var type = reader.GetAttribute("t");
        var style = reader.GetAttribute("s");
        if (reader.IsEmptyElement)
        {
            return column;
        }

        string? stored = null;
        string? inline = null;
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "v")
            {
                stored = reader.ReadElementContentAsString();
            }
            else if (reader.LocalName == "is")
            {
                inline = XlsxXml.ReadRichText(reader);
                reader.Read();
            }
            else
            {
                reader.Skip();
            }
        }

        var text = CellText(type, style, stored, inline);
        if (!string.IsNullOrEmpty(text))
        {
            Store(column, text);
        }

        return column;
    }

    /// <summary>The text a cell shows (see docs/input-format.md, ".xlsx").</summary>
    private string? CellText(string? type, string? style, string? stored, string? inline)
    {
        switch (type)
        {
            case "s":
                return XlsxParts.TryInt(stored, out var index) && index < sharedStrings.Count
                    ? sharedStrings[index]
                    : throw Corrupt($"shared string index '{stored}' is not in the shared string table");
            case "inlineStr":
                return inline ?? stored;
            case "b":
                return stored switch { "1" or "true" => "1", "0" or "false" => "0", _ => stored };
            case "d":
                return stored is { Length: >= 10 } && DateOnly.TryParseExact(stored.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? stored[..10]
                    : stored;
            case null or "n":
                if (stored is null)
                {
                    return null;
                }

                if (XlsxParts.TryInt(style, out var styleIndex) && styleIndex < dateStyles.Length && dateStyles[styleIndex]
                    && ExcelValues.TryFormatDate(stored, date1904, out var date))
                {
                    return date;
                }

                return ExcelValues.NormaliseNumber(stored);
            default:
                return stored; // "str" (formula text) and "e" (an error such as #DIV/0!, kept so the field rule names it)
        }
    }

    private void Store(int column, string text)
    {
        if (column >= values.Length)
        {
            Array.Resize(ref values, Math.Max(column + 1, values.Length * 2));
        }

        values[column] = text;
        count = Math.Max(count, column + 1);
    }

    private TableFormatException Corrupt(string problem, Exception? cause = null) =>
        TableFormatException.For(
            displayName,
            string.Create(CultureInfo.InvariantCulture, $"worksheet '{SheetName}' is corrupt near row {RowNumber + 1}: {problem}"),
            cause);
}
