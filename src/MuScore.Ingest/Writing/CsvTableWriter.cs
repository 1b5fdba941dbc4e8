using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;

namespace MuScore.Ingest;

/// <summary>
/// Writes a CSV table with Sep: UTF-8 with a byte-order mark (so Excel on Chinese Windows does not
/// read it as GBK), "\n" line ends, and RFC 4180 quotes only around cells holding the delimiter
/// ',', a quote, CR or LF (Sep's <c>Escape</c>). The same rows always give the same bytes. Given
/// the columns' kinds, it writes a report: text cells that a spreadsheet would run as a formula
/// get a leading quote (<see cref="FormulaGuard"/>). Without them it writes every cell exactly as
/// given, for tables that are input to MuScore (<c>muscore sample</c>), whose cells must read back
/// unchanged.
/// </summary>
public sealed class CsvTableWriter : IDisposable
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(true, true);

    // A continuation is appended after a file's byte-order mark and header, so it writes neither.
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(false, true);

    // Sep ends rows with Environment.NewLine; every platform's output stays "\n" only where that is
    // "\n". MuScore runs on Linux; the pinned output hash test would catch a change.
    private static readonly SepWriterOptions Options = Sep.New(',').Writer(o => o with { WriteHeader = false, Escape = true });

    private readonly StreamWriter text;
    private readonly SepWriter writer;
    private readonly int width;
    private readonly IReadOnlyList<XlsxColumnKind>? kinds;
    private bool disposed;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> and writes the header row.</summary>
    public CsvTableWriter(string path, IReadOnlyList<string> headers)
        : this(CreateFile(path), headers, leaveOpen: false)
    {
    }

    /// <summary>Creates (or replaces) the report at <paramref name="path"/>: one kind per header; text cells are guarded against formulas.</summary>
    public CsvTableWriter(string path, IReadOnlyList<string> headers, IReadOnlyList<XlsxColumnKind> kinds)
        : this(CreateFile(path), headers, kinds, leaveOpen: false)
    {
    }

    /// <summary>Writes a report to <paramref name="stream"/>: one kind per header; text cells are guarded against formulas.</summary>
    public CsvTableWriter(Stream stream, IReadOnlyList<string> headers, IReadOnlyList<XlsxColumnKind> kinds, bool leaveOpen = false)
        : this(stream, headers, leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Count != headers.Count)
        {
            writer.Dispose();
            throw new ArgumentException($"{kinds.Count} column kinds for {headers.Count} headers.", nameof(kinds));
        }

        this.kinds = kinds;
    }

    /// <summary>Writes the header row to <paramref name="stream"/>; disposes the stream at the end unless <paramref name="leaveOpen"/>.</summary>
    public CsvTableWriter(Stream stream, IReadOnlyList<string> headers, bool leaveOpen = false)
        : this(stream, WidthOf(headers), Utf8WithBom, kinds: null, leaveOpen)
    {
        WriteCells(headers.ToArray(), guard: false);
    }

    private CsvTableWriter(Stream stream, int width, Encoding encoding, IReadOnlyList<XlsxColumnKind>? kinds, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        text = new StreamWriter(stream, encoding, 64 * 1024, leaveOpen);
        writer = Options.To(text, leaveOpen: true);
        this.width = width;
        this.kinds = kinds;
    }

    /// <summary>
    /// A writer of report rows that continue a table begun elsewhere: no byte-order mark and no
    /// header, otherwise byte for byte what <see cref="WriteRow(ReadOnlySpan{string})"/> of the
    /// table's own writer gives. Blocks of rows can so be written on several threads and their
    /// bytes appended to the file in row order.
    /// </summary>
    public static CsvTableWriter Continuation(Stream stream, IReadOnlyList<XlsxColumnKind> kinds, bool leaveOpen = false)
    {
        return new CsvTableWriter(stream, WidthOf(kinds), Utf8NoBom, kinds, leaveOpen);
    }

    /// <summary>Rows written after the header.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Writes one row; it must have one cell per header (null is an empty cell).</summary>
    public void WriteRow(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        WriteRow(cells as string?[] ?? cells.ToArray());
    }

    /// <summary>Writes one row from a span (no list needed); one cell per header.</summary>
    public void WriteRow(ReadOnlySpan<string?> cells)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (cells.Length != width)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the table has {width} columns.", nameof(cells));
        }

        WriteCells(cells, guard: kinds is not null);
        RowsWritten++;
    }

    /// <summary>Flushes and closes the output.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            writer.Dispose();
            text.Dispose();
        }
    }

    private static int WidthOf<T>(IReadOnlyList<T> columns, [CallerArgumentExpression(nameof(columns))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(columns, name);
        return columns.Count > 0 ? columns.Count : throw new ArgumentException("A table needs at least one column.", name);
    }

    private static FileStream CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
    }

    private void WriteCells(ReadOnlySpan<string?> cells, bool guard)
    {
        using var row = writer.NewRow();
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i] ?? string.Empty;

            // The header row is ours and never guarded.
            if (guard && FormulaGuard.Applies(cell, kinds![i]))
            {
                row[i].Set(CultureInfo.InvariantCulture, $"{FormulaGuard.Prefix}{cell}");
            }
            else
            {
                row[i].Set(cell);
            }
        }
    }
}
