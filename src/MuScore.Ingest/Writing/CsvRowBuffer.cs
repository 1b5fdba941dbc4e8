using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// CSV rows built as UTF-8 bytes in one growable buffer, cell by cell, with no string per cell:
/// the bytes of <see cref="CsvTableWriter"/>'s rows of a report (quotes only around a cell holding
/// ',', a quote, CR or LF, quotes doubled; <see cref="FormulaGuard"/> on text; "\n" after each
/// row). Not thread-safe: one buffer per thread, its bytes appended to the file in row order.
/// </summary>
public sealed class CsvRowBuffer
{
    // Invalid UTF-16 (a lone surrogate) fails here as it does in CsvTableWriter's stream.
    private static readonly UTF8Encoding Utf8 = new(false, true);

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private byte[] bytes;
    private int length;
    private bool rowStarted;

    /// <summary>Creates an empty buffer of <paramref name="capacity"/> bytes; it grows as needed.</summary>
    public CsvRowBuffer(int capacity = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        bytes = new byte[capacity];
    }

    /// <summary>The rows written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => bytes.AsSpan(0, length);

    /// <summary>Forgets the rows written; keeps the room.</summary>
    public void Clear()
    {
        length = 0;
        rowStarted = false;
    }

    /// <summary>The bytes of one cell as <see cref="Text(ReadOnlySpan{char}, XlsxColumnKind)"/> writes it, for cells that repeat.</summary>
    public static byte[] Encode(string? text, XlsxColumnKind kind)
    {
        var one = new CsvRowBuffer(16);
        one.Text(text, kind);
        return one.Written.ToArray();
    }

    /// <summary>Ends the row with "\n".</summary>
    public void EndRow()
    {
        Room(1)[0] = (byte)'\n';
        length++;
        rowStarted = false;
    }

    /// <summary>An empty cell.</summary>
    public void Empty() => Separator();

    /// <summary>A cell whose bytes are ready (from <see cref="Encode"/>).</summary>
    public void Raw(ReadOnlySpan<byte> cell)
    {
        Separator();
        cell.CopyTo(Room(cell.Length));
        length += cell.Length;
    }

    /// <summary>A text cell of a column of <paramref name="kind"/>: quoted when it must be, guarded against formulas.</summary>
    public void Text(ReadOnlySpan<char> text, XlsxColumnKind kind)
    {
        Separator();
        var guard = FormulaGuard.Applies(text, kind);
        var quote = text.ContainsAny(NeedsQuotes);

        // Worst case: every character a quote, doubled, inside quotes, after the guard.
        var room = Room(((quote ? 2 : 1) * Utf8.GetMaxByteCount(text.Length)) + 3);
        var at = 0;
        if (quote)
        {
            room[at++] = (byte)'"';
        }

        if (guard)
        {
            room[at++] = (byte)FormulaGuard.Prefix;
        }

        if (!quote)
        {
            at += Utf8.GetBytes(text, room[at..]);
        }
        else
        {
            at += QuotedBody(text, room[at..]);
            room[at++] = (byte)'"';
        }

        length += at;
    }

    /// <summary>A number cell: <see cref="NumberText.Format(double)"/>'s text.</summary>
    public void Number(double value)
    {
        if (!double.IsFinite(value))
        {
            // Never produced by the engine; its word is text in a number column, guarded like any.
            Text(NumberText.Format(value), XlsxColumnKind.Number);
            return;
        }

        Separator();
        length += NumberText.FormatUtf8(value, Room(NumberText.MaxUtf8Length));
    }

    /// <summary>A number cell, empty for null.</summary>
    public void Number(double? value)
    {
        if (value is { } v)
        {
            Number(v);
        }
        else
        {
            Separator();
        }
    }

    /// <summary>A number cell: <see cref="NumberText.Format(decimal)"/>'s text.</summary>
    public void Number(decimal value)
    {
        Separator();
        length += NumberText.FormatUtf8(value, Room(NumberText.MaxUtf8Length));
    }

    /// <summary>A number cell: <see cref="NumberText.Format(int)"/>'s text.</summary>
    public void Number(int value)
    {
        Separator();
        length += NumberText.FormatUtf8(value, Room(NumberText.MaxUtf8Length));
    }

    /// <summary>A number cell, empty for null.</summary>
    public void Number(int? value)
    {
        if (value is { } v)
        {
            Number(v);
        }
        else
        {
            Separator();
        }
    }

    private static int QuotedBody(ReadOnlySpan<char> text, Span<byte> room)
    {
        var at = 0;
        while (true)
        {
            var quote = text.IndexOf('"');
            if (quote < 0)
            {
                return at + Utf8.GetBytes(text, room[at..]);
            }

            at += Utf8.GetBytes(text[..(quote + 1)], room[at..]);
            room[at++] = (byte)'"';
            text = text[(quote + 1)..];
        }
    }

    // Called for each of a row's sixty-odd cells: inlined, and growing the buffer out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separator()
    {
        if (rowStarted)
        {
            if (length == bytes.Length)
            {
                Grow(1);
            }

            bytes[length] = (byte)',';
            length = unchecked(length + 1);
        }

        rowStarted = true;
    }

    /// <summary>At least <paramref name="size"/> free bytes after the written ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Room(int size)
    {
        if (bytes.Length - length < size)
        {
            Grow(size);
        }

        return bytes.AsSpan(length);
    }

    private void Grow(int size) => Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + size));
}
