using System.Buffers;
using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// Writes a CSV table: UTF-8 with a byte-order mark (so Excel on Chinese Windows does not read it
/// as GBK), "\n" line ends, and RFC 4180 quotes only around cells holding the delimiter ',', a
/// quote, CR or LF. The same rows always give the same bytes. Given the columns' kinds, it writes
/// a report: text cells that a spreadsheet would run as a formula get a leading quote
/// (<see cref="FormulaGuard"/>). Without them it writes every cell exactly as given, for tables
/// that are input to MuScore (<c>muscore sample</c>), whose cells must read back unchanged.
/// </summary>
public sealed class CsvTableWriter : IDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(true, true);

    private readonly StreamWriter writer;
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
            throw new ArgumentException($"{kinds.Count} column kinds for {headers.Count} headers.", nameof(kinds));
        }

        this.kinds = kinds;
    }

    /// <summary>Writes the header row to <paramref name="stream"/>; disposes the stream at the end unless <paramref name="leaveOpen"/>.</summary>
    public CsvTableWriter(Stream stream, IReadOnlyList<string> headers, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(headers));
        }

        writer = new StreamWriter(stream, Utf8WithBom, 64 * 1024, leaveOpen);
        width = headers.Count;
        WriteCells(headers.ToArray());
    }

    /// <summary>Rows written after the header.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Writes one row; it must have one cell per header (null is an empty cell).</summary>
    public void WriteRow(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (cells.Count != width)
        {
            throw WidthMismatch(cells.Count, nameof(cells));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            WriteCell(i, cells[i]);
        }

        writer.Write('\n');
        RowsWritten++;
    }

    /// <summary>Writes one row from a span (no list needed); one cell per header.</summary>
    public void WriteRow(ReadOnlySpan<string?> cells)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (cells.Length != width)
        {
            throw WidthMismatch(cells.Length, nameof(cells));
        }

        WriteCells(cells);
        RowsWritten++;
    }

    /// <summary>Flushes and closes the output.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            writer.Dispose();
        }
    }

    private static FileStream CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
    }

    private ArgumentException WidthMismatch(int count, string paramName) =>
        new($"The row has {count} cells but the table has {width} columns.", paramName);

    private void WriteCells(ReadOnlySpan<string?> cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            WriteCell(i, cells[i]);
        }

        writer.Write('\n');
    }

    private void WriteCell(int index, string? cell)
    {
        if (index > 0)
        {
            writer.Write(',');
        }

        if (string.IsNullOrEmpty(cell))
        {
            return;
        }

        // The header row is written before the kinds are known: headers are ours, never guarded.
        if (kinds is not null && FormulaGuard.Applies(cell, kinds[index]))
        {
            cell = FormulaGuard.Prefix + cell;
        }

        if (!cell.AsSpan().ContainsAny(NeedsQuotes))
        {
            writer.Write(cell);
            return;
        }

        writer.Write('"');
        foreach (var c in cell)
        {
            if (c == '"')
            {
                writer.Write('"');
            }

            writer.Write(c);
        }

        writer.Write('"');
    }
}
