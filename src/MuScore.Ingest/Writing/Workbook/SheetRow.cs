namespace MuScore.Ingest;

/// <summary>
/// The XML of one sheet row as its cells come (<see cref="SheetRowWriter.Begin"/>, one call per
/// non-empty cell in increasing column order, <see cref="End"/>): <c>&lt;row&gt;</c>, each cell (a
/// reference only on a cell after a gap), <c>&lt;/row&gt;</c>, with the marks of every value for
/// <see cref="MarkupDeflater"/>. Cells that are not inline text go into one span reserved for the
/// row, with no bounds check per piece; only inline text goes through the buffer.
/// </summary>
internal ref struct SheetRow : IXlsxCellSink
{
    private readonly SheetXmlBuffer xml;
    private readonly SheetRowWriter writer;
    private readonly int rowNumber;
    private Span<byte> span;
    private Span<int> marks;
    private int origin;
    private int at;
    private int marked;

    /// <summary>The first column that follows the last cell written: the one that needs no reference.</summary>
    private int next;

    internal SheetRow(SheetXmlBuffer xml, SheetRowWriter writer, int rowNumber)
    {
        this.xml = xml;
        this.writer = writer;
        this.rowNumber = rowNumber;
        Reserve(0);
        "<row>"u8.CopyTo(span);
        at = 5;
    }

    public void Cell(int column, in XlsxCell cell)
    {
        if (cell.OnEveryRow && OnEveryRow(column, cell))
        {
            return;
        }

        switch (cell.Kind)
        {
            case XlsxCellKind.Empty:
                return;
            case XlsxCellKind.Whole:
                Whole(column, cell.Units, mark: true);
                return;
            case XlsxCellKind.Millionths:
                Open(column);
                Value(NumberText.WriteMillionths(cell.Units, span[(at + 4)..]));
                return;
            case XlsxCellKind.Shortest:
                Open(column);
                Value(XlsxNumbers.Write(cell, span[(at + 4)..]));
                return;
            case XlsxCellKind.SharedText:
                Shared(column, cell.Text);
                return;
            default:
                Text(column, cell.Text);
                return;
        }
    }

    public void Whole(int column, long value) => Whole(column, value, mark: true);

    public void Number(int column, double value)
    {
        if (XlsxNumbers.TryMillionths(value, out var millionths))
        {
            Open(column);
            Value(NumberText.WriteMillionths(millionths, span[(at + 4)..]));
        }
        else
        {
            Cell(column, XlsxNumbers.Of(value));
        }
    }

    public void Shared(int column, string? text) => Shared(column, text, mark: true);

    public void Text(int column, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Open(column);
        Inline(column, text);
    }

    /// <summary>Closes the row and hands the bytes and marks written to the buffer.</summary>
    public void End()
    {
        "</row>"u8.CopyTo(span[at..]);
        xml.Advance(at + 6);
        xml.AdvanceMarks(marked);
    }

    /// <summary>Room for the cells from <paramref name="column"/> on: up to two values a cell (its reference's row, its value), two marks each.</summary>
    private void Reserve(int column)
    {
        var cells = writer.Columns - column;
        span = xml.Reserve(SheetRowWriter.Room(cells));
        origin = xml.Length;
        marks = xml.ReserveMarks(cells * 4);
        marked = 0;
        at = 0;
    }

    /// <summary><c>&lt;c</c>, with the cell's reference when a column was skipped.</summary>
    private void Open(int column)
    {
        if (column < next || column >= writer.Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"A row's cells go in column order, within its {writer.Columns} columns.");
        }

        if (column == next)
        {
            "<c"u8.CopyTo(span[at..]);
            at += 2;
        }
        else
        {
            "<c r=\""u8.CopyTo(span[at..]);
            at += 6;
            var name = writer.ColumnName(column);
            name.CopyTo(span[at..]);
            at += name.Length;
            marks[marked++] = origin + at;
            at += AsciiDigits.Write((uint)rowNumber, span[at..]);
            marks[marked++] = origin + at;
            span[at++] = (byte)'"';
        }

        next = column + 1;
    }

    /// <summary>
    /// A cell the same on every row (<see cref="XlsxCell.OnEveryRow"/>): its value is not marked, so
    /// the deflater finds it again with the markup on either side; only a reference's row (after a
    /// gap) is. False for other kinds, written as any cell.
    /// </summary>
    private bool OnEveryRow(int column, in XlsxCell cell)
    {
        switch (cell.Kind)
        {
            case XlsxCellKind.Whole:
                Whole(column, cell.Units, mark: false);
                return true;
            case XlsxCellKind.SharedText:
                Shared(column, cell.Text, mark: false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>An integer cell, its digits marked as a value unless the same on every row.</summary>
    private void Whole(int column, long value, bool mark)
    {
        Open(column);
        Value(AsciiDigits.WriteSigned(value, span[(at + 4)..]), mark);
    }

    /// <summary>
    /// A number cell after its <c>&lt;c</c>: <c>&gt;&lt;v&gt;</c>, the <paramref name="length"/> digits
    /// already written 4 bytes on, <c>&lt;/v&gt;&lt;/c&gt;</c>; the digits marked as a value unless the
    /// cell is the same on every row.
    /// </summary>
    private void Value(int length, bool mark = true)
    {
        "><v>"u8.CopyTo(span[at..]);
        at += 4;
        Mark(mark);
        at += length;
        Mark(mark);
        "</v></c>"u8.CopyTo(span[at..]);
        at += 8;
    }

    /// <summary>A shared-string cell (its index marked as a value unless the same on every row), or inline text when the table has no room.</summary>
    private void Shared(int column, string? text, bool mark)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Open(column);
        var index = writer.SharedIndex(column, text);
        if (index < 0)
        {
            Inline(column, text);
            return;
        }

        " t=\"s\"><v>"u8.CopyTo(span[at..]);
        at += 10;
        Mark(mark);
        at += AsciiDigits.Write((uint)index, span[at..]);
        Mark(mark);
        "</v></c>"u8.CopyTo(span[at..]);
        at += 8;
    }

    private void Mark(bool mark)
    {
        if (mark)
        {
            marks[marked++] = origin + at;
        }
    }

    /// <summary>Text of any length, through the buffer; then a fresh span for the rest of the row.</summary>
    private void Inline(int column, string text)
    {
        xml.Advance(at);
        xml.AdvanceMarks(marked);
        SheetRowWriter.WriteInline(xml, text, bold: false);
        Reserve(column);
    }
}
