using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace MuScore.Ingest;

/// <summary>
/// One worksheet of an .xlsx, streamed row by row with ExcelDataReader (docs/decisions.md says why
/// this library). The sheet read is the one named in <see cref="TableReadOptions.Sheet"/>, else
/// the first visible one in tab order: a hidden sheet is never data a clerk looked at. Row numbers
/// are the sheet's own, so omitted rows leave gaps that <see cref="InputTable"/> turns into blank
/// rows. Cells become the text Excel shows (docs/input-format.md, ".xlsx").
/// </summary>
internal sealed class XlsxSheetSource : ITableSource
{
    private readonly Stream stream;
    private readonly IExcelDataReader reader;
    private readonly bool ownsStream;
    private readonly string displayName;
    private readonly bool date1904;
    private string?[] values = new string?[32];
    private int count;
    private bool ended;

    static XlsxSheetSource()
    {
        // ExcelDataReader's configuration asks for code page 1252 (its fallback for legacy .xls),
        // which .NET has only through the code-pages provider, even when reading .xlsx.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private XlsxSheetSource(Stream stream, bool ownsStream, IExcelDataReader reader, string displayName, bool date1904)
    {
        this.date1904 = date1904;
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.reader = reader;
        this.displayName = displayName;
        SheetName = reader.Name;
        Length = stream.CanSeek ? stream.Length : -1;
    }

    public string Format => "xlsx";

    /// <summary>The name of the worksheet read.</summary>
    public string SheetName { get; }

    public int RowNumber { get; private set; }

    public int CellCount => count;

    /// <summary>Bytes of the (compressed) workbook read so far: progress only.</summary>
    public long Position => stream.CanSeek ? stream.Position : -1;

    public long Length { get; }

    /// <summary>Opens the workbook in <paramref name="stream"/> (seekable, at 0); throws <see cref="TableFormatException"/> when it is none or lacks the sheet.</summary>
    public static XlsxSheetSource Open(Stream stream, bool ownsStream, string displayName, string? sheet)
    {
        IExcelDataReader? reader = null;
        try
        {
            var date1904 = IsDate1904(stream);
            stream.Position = 0;
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
            SelectSheet(reader, sheet, displayName);
            return new XlsxSheetSource(stream, ownsStream, reader, displayName, date1904);
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidDataException or XmlException or IOException or FormatException or InvalidOperationException or NullReferenceException)
        {
            reader?.Dispose();
            Close(stream, ownsStream);
            throw TableFormatException.For(displayName, $"is not a valid .xlsx workbook: {e.Message}", e);
        }
        catch
        {
            reader?.Dispose();
            Close(stream, ownsStream);
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
            if (!reader.Read())
            {
                ended = true;
                return false;
            }

            RowNumber = reader.Depth + 1;
            for (var column = reader.FieldCount - 1; column >= 0; column--)
            {
                if (Text(column) is { Length: > 0 } text)
                {
                    Store(column, text);
                }
            }

            return true;
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidDataException or XmlException or IOException or FormatException)
        {
            throw TableFormatException.For(
                displayName,
                string.Create(CultureInfo.InvariantCulture, $"worksheet '{SheetName}' is corrupt near row {RowNumber + 1}: {e.Message}"),
                e);
        }
    }

    public ReadOnlySpan<char> Cell(int column) => (uint)column < (uint)count ? values[column].AsSpan() : default;

    public string ColumnName(int column) => $"column {CellReference.ColumnLetters(column)}";

    public void Dispose()
    {
        reader.Dispose();
        Close(stream, ownsStream); // the reader leaves the stream open
    }

    private static void Close(Stream stream, bool ownsStream)
    {
        if (ownsStream)
        {
            stream.Dispose();
        }
    }

    /// <summary>Moves the reader to the sheet to read; throws naming the sheets there are when there is none.</summary>
    private static void SelectSheet(IExcelDataReader reader, string? sheet, string displayName)
    {
        var seen = new List<string>();
        do
        {
            var visible = reader.VisibleState is null or "visible";
            if (sheet is null ? visible : string.Equals(reader.Name, sheet, StringComparison.Ordinal))
            {
                return;
            }

            seen.Add(visible ? $"'{reader.Name}'" : $"'{reader.Name}' (hidden)");
        }
        while (reader.NextResult());

        var sheets = seen.Count == 0 ? "none" : string.Join(", ", seen);
        throw TableFormatException.For(
            displayName,
            sheet is null ? $"is an .xlsx workbook without a visible worksheet (sheets: {sheets})" : $"has no worksheet named '{sheet}' (sheets: {sheets})");
    }

    /// <summary>The text a cell shows (docs/input-format.md, ".xlsx").</summary>
    private string? Text(int column) => reader.GetValue(column) switch
    {
        null => null,
        string text => text,
        double number => ZhDate(column, number) ?? ExcelValues.NumberText(number),
        DateTime date => ShowsDate(column) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ExcelValues.NumberText(date.ToOADate()),
        bool flag => flag ? "1" : "0",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>
    /// Whether the cell's format shows a date. ExcelDataReader also returns a time-only format
    /// (h:mm) as a DateTime; such a cell is no date of any field, so it stays the number it holds.
    /// </summary>
    private bool ShowsDate(int column)
    {
        var id = reader.GetNumberFormatIndex(column);
        return ExcelValues.IsDateFormat(id, id < ExcelValues.FirstCustomFormat ? null : reader.GetNumberFormatString(column));
    }

    /// <summary>
    /// A number under one of the zh-CN built-in date formats (ids 27–31, 36, 50–58, such as
    /// yyyy"年"m"月"d"日" that WPS and Chinese Excel write as id 31), which ExcelDataReader does not
    /// know as dates, as yyyy-MM-dd; null for any other number.
    /// </summary>
    private string? ZhDate(int column, double serial)
    {
        var id = reader.GetNumberFormatIndex(column);
        return id is (>= 27 and <= 31) or 36 or (>= 50 and <= 58)
            && ExcelValues.TryFormatDate(serial.ToString("R", CultureInfo.InvariantCulture), date1904, out var date)
            ? date
            : null;
    }

    /// <summary>
    /// Whether the workbook counts dates from 1904 (workbookPr date1904, old Mac workbooks), which
    /// <see cref="ZhDate"/> needs and ExcelDataReader does not tell.
    /// </summary>
    private static bool IsDate1904(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.GetEntry("xl/workbook.xml") is not { } workbook)
        {
            return false;
        }

        using var xml = XmlReader.Create(workbook.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "workbookPr")
            {
                return xml.GetAttribute("date1904") is "1" or "true";
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "sheets")
            {
                break; // workbookPr comes before the sheet list
            }
        }

        return false;
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
}
