using System.Buffers;
using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace MuScore.Ingest;

/// <summary>
/// Writes a table to an .xlsx with SpreadCheetah, streaming in constant memory: text cells are
/// inline strings (never formulas, and no shared-string table grows), numbers are numbers (when
/// they read back as the same text; see <see cref="TryExactNumber"/>), the
/// header row is bold and frozen. A table longer than a sheet continues on further sheets named
/// "ratings (2)", "ratings (3)", … each with the header row again (docs/outputs.md). Output is
/// deterministic: no document properties (they would carry a creation time) and a fixed
/// compression level, so the same rows give the same bytes.
/// </summary>
public sealed class XlsxTableWriter : IDisposable
{
    /// <summary>Data rows a sheet can hold below its header.</summary>
    public const int MaxRows = CellReference.MaxRows - 1;

    private static readonly SearchValues<char> SheetNameForbidden = SearchValues.Create(":\\/?*[]");

    private readonly Stream stream;
    private readonly Stream archive;
    private readonly bool leaveOpen;
    private readonly Spreadsheet spreadsheet;
    private readonly string[] headers;
    private readonly XlsxColumnKind[] kinds;
    private readonly string sheetName;
    private readonly int rowsPerSheet;
    private readonly StyleId headerStyle;
    private readonly Cell[] row;
    private int rowsInSheet;
    private int sheets;
    private bool disposed;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> and writes the header row.</summary>
    public XlsxTableWriter(string path, IReadOnlyList<string> headers, IReadOnlyList<XlsxColumnKind> kinds, string sheetName = "Sheet1")
        : this(CreateFile(path), headers, kinds, sheetName, leaveOpen: false)
    {
    }

    /// <summary>
    /// Writes the workbook to <paramref name="stream"/>, one <paramref name="kinds"/> entry per
    /// header; disposes the stream at the end unless <paramref name="leaveOpen"/>.
    /// </summary>
    public XlsxTableWriter(Stream stream, IReadOnlyList<string> headers, IReadOnlyList<XlsxColumnKind> kinds, string sheetName = "Sheet1", bool leaveOpen = false)
        : this(stream, headers, kinds, sheetName, leaveOpen, MaxRows)
    {
    }

    /// <summary>As the public constructor, with a sheet length small enough for tests of the split.</summary>
    internal XlsxTableWriter(Stream stream, IReadOnlyList<string> headers, IReadOnlyList<XlsxColumnKind> kinds, string sheetName, bool leaveOpen, int rowsPerSheet)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(kinds);
        if (headers.Count == 0 || headers.Count != kinds.Count || headers.Count > CellReference.MaxColumns)
        {
            throw new ArgumentException($"A sheet needs 1 to {CellReference.MaxColumns} columns and one kind per header.", nameof(kinds));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerSheet, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerSheet, MaxRows);
        CheckSheetName(sheetName);
        this.stream = stream;
        this.leaveOpen = leaveOpen;

        // The entry times are fixed after the archive is complete, which needs a stream that can be
        // read and sought; any other (a write-only file, a pipe) gets the archive from a temporary file.
        archive = stream.CanSeek && stream.CanRead ? stream : TemporaryFile();
        this.headers = headers.Select(XmlText.Clean).ToArray();
        this.kinds = kinds.ToArray();
        this.sheetName = sheetName;
        this.rowsPerSheet = rowsPerSheet;
        row = new Cell[this.headers.Length];
        var options = new SpreadCheetahOptions
        {
            // Level 1 deflate: SpreadCheetah's default, several times faster than Optimal for a
            // file about 15 % larger; fixed, so the bytes stay the same run to run.
            CompressionLevel = SpreadCheetahCompressionLevel.Fastest,
            DocumentProperties = null,
            PreserveStringWhitespace = true,
            WriteCellReferenceAttributes = true,
        };
        spreadsheet = Wait(Spreadsheet.CreateNewAsync(archive, options));
        headerStyle = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        StartSheet();
    }

    /// <summary>Rows written after the header, over all sheets.</summary>
    public int RowsWritten { get; private set; }

    /// <summary>Sheets started so far (1 until a table outgrows its first sheet).</summary>
    public int SheetCount => sheets;

    /// <summary>Writes one row: one cell per header; null or empty is an empty cell.</summary>
    public void WriteRow(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        WriteRow(cells as string?[] ?? cells.ToArray());
    }

    /// <summary>Writes one row from a span: one cell per header.</summary>
    public void WriteRow(ReadOnlySpan<string?> cells)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the sheet has {headers.Length} columns.", nameof(cells));
        }

        if (rowsInSheet == rowsPerSheet)
        {
            StartSheet();
        }

        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            row[i] = string.IsNullOrEmpty(cell) ? default
                : kinds[i] == XlsxColumnKind.Number && TryExactNumber(cell, out var number) ? new Cell(number)
                : new Cell(XmlText.Clean(cell));
        }

        Wait(spreadsheet.AddRowAsync(row));
        rowsInSheet++;
        RowsWritten++;
    }

    /// <summary>Finishes the workbook and closes the stream (unless left open); the file is complete only after this.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            Wait(spreadsheet.FinishAsync());
            spreadsheet.Dispose();
            ZipEntryTimes.Fix(archive);
            if (archive != stream)
            {
                archive.Position = 0;
                archive.CopyTo(stream);
            }

            stream.Flush();
        }
        finally
        {
            spreadsheet.Dispose();
            if (archive != stream)
            {
                archive.Dispose();
            }

            if (!leaveOpen)
            {
                stream.Dispose();
            }
        }
    }

    /// <summary>Whether text is a plain number Excel stores as is: -12.5, 3, 1E-3.</summary>
    internal static bool IsPlainNumber(ReadOnlySpan<char> text) => TryPlainNumber(text, out _);

    /// <summary>The name of the <paramref name="index"/>-th sheet (1-based): "ratings", "ratings (2)", …, shortened to Excel's 31 characters.</summary>
    internal static string SheetName(string baseName, int index)
    {
        if (index == 1)
        {
            return baseName;
        }

        var suffix = string.Create(CultureInfo.InvariantCulture, $" ({index})");
        return baseName[..Math.Min(baseName.Length, 31 - suffix.Length)].TrimEnd() + suffix;
    }

    /// <summary>
    /// A plain number whose shortest form is the text itself (12.5, -3, 0.001), so it reads back
    /// unchanged; 2.50 or 1E-3 would read back as 2.5 and 0.001 and change the cell (and the
    /// input hash of a table written by "muscore sample"), so they are stored as text.
    /// </summary>
    internal static bool TryExactNumber(string text, out double value)
    {
        Span<char> shortest = stackalloc char[32];
        return TryPlainNumber(text, out value)
            && value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture)
            && shortest[..written].SequenceEqual(text);
    }

    private static bool TryPlainNumber(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        return text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && !text.Contains(',')
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static FileStream CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024);
    }

    internal static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);

    internal static void CheckSheetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 31 || name.AsSpan().ContainsAny(SheetNameForbidden) || name.StartsWith('\'') || name.EndsWith('\''))
        {
            throw new ArgumentException("A sheet name has 1 to 31 characters, none of : \\ / ? * [ ], and does not start or end with an apostrophe.", nameof(name));
        }
    }

    /// <summary>A header's display width in characters (CJK counts double), between 10 and 40.</summary>
    internal static double Width(string header)
    {
        var width = 2;
        foreach (var c in header)
        {
            width += c >= '\u2E80' ? 2 : 1;
        }

        return Math.Clamp(width, 10, 40);
    }

    // The writer's callers are synchronous (they write CSV alongside); SpreadCheetah's calls finish
    // synchronously until its buffer fills, and then wait on the stream's write.
    private static void Wait(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }

    private static T Wait<T>(ValueTask<T> task) =>
        task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private void StartSheet()
    {
        sheets++;
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < headers.Length; i++)
        {
            options.Column(i + 1).Width = Width(headers[i]);
        }

        Wait(spreadsheet.StartWorksheetAsync(SheetName(sheetName, sheets), options));
        for (var i = 0; i < headers.Length; i++)
        {
            row[i] = new Cell(headers[i], headerStyle);
        }

        Wait(spreadsheet.AddRowAsync(row));
        rowsInSheet = 0;
    }
}
