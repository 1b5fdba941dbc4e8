namespace MuScore.Ingest;

/// <summary>
/// The XML of one sheet row: <c>&lt;row&gt;</c>, its non-empty cells (a reference only on a cell
/// after a gap), <c>&lt;/row&gt;</c>. One per thread: it keeps the last shared string of each column,
/// so a column repeating the same text skips the table look-up. Cells that are not inline text are
/// written into one span reserved for the row, with no bounds check per piece: that bookkeeping was
/// a good part of the workbook's CPU.
/// </summary>
internal sealed class SheetRowWriter
{
    /// <summary>Longest markup of a number or shared-string cell: <c>&lt;c r="XFD1048576" t="s"&gt;&lt;v&gt;</c>, the number, <c>&lt;/v&gt;&lt;/c&gt;</c>.</summary>
    private const int MaxCellLength = 40 + XlsxNumbers.MaxLength;

    private readonly byte[][] columnNames;
    private readonly WorkbookSharedStrings shared;
    private readonly string?[] lastShared;
    private readonly int[] lastSharedIndex;

    public SheetRowWriter(byte[][] columnNames, WorkbookSharedStrings shared)
    {
        this.columnNames = columnNames;
        this.shared = shared;
        lastShared = new string?[columnNames.Length];
        lastSharedIndex = new int[columnNames.Length];
    }

    /// <summary>Cells written from the shared string table so far (the table's count attribute).</summary>
    public long SharedReferences { get; private set; }

    /// <summary>Columns of the sheet.</summary>
    public int Columns => columnNames.Length;

    /// <summary>Appends row <paramref name="rowNumber"/> (the sheet's, 1-based) of <paramref name="cells"/>, one per column, to <paramref name="xml"/>.</summary>
    public void Write(SheetXmlBuffer xml, ReadOnlySpan<XlsxCell> cells, int rowNumber)
    {
        var row = Begin(xml, rowNumber);
        for (var i = 0; i < cells.Length; i++)
        {
            row.Cell(i, cells[i]);
        }

        row.End();
    }

    /// <summary>Starts row <paramref name="rowNumber"/> (the sheet's, 1-based) in <paramref name="xml"/>: its cells then go in by column, and <see cref="SheetRow.End"/> closes it.</summary>
    public SheetRow Begin(SheetXmlBuffer xml, int rowNumber) => new(xml, this, rowNumber);

    /// <summary>The letters of a column (A, B, …, AQ).</summary>
    public ReadOnlySpan<byte> ColumnName(int column) => columnNames[column];

    /// <summary>An inline string cell after its "&lt;c" and reference: the text cleaned, escaped, its edges kept.</summary>
    public static void WriteInline(SheetXmlBuffer xml, string text, bool bold)
    {
        var clean = XmlText.Clean(text);
        xml.Append(bold ? " t=\"inlineStr\" s=\"1\"><is>"u8 : " t=\"inlineStr\"><is>"u8);
        xml.Append(clean.Length > 0 && WorkbookParts.NeedsPreserve(clean) ? "<t xml:space=\"preserve\">"u8 : "<t>"u8);
        var start = xml.Length;
        xml.AppendText(clean);
        xml.MarkValue(start, xml.Length);
        xml.Append("</t></is></c>"u8);
    }

    /// <summary>Bytes a row of <paramref name="cells"/> cells may take, inline text aside.</summary>
    public static int Room(int cells) => 16 + (cells * MaxCellLength);

    /// <summary>The shared string index of a column's text, or -1 to write it inline.</summary>
    public int SharedIndex(int column, string text)
    {
        if (!ReferenceEquals(text, lastShared[column]))
        {
            var index = shared.IndexOf(text);
            if (index < 0)
            {
                return -1;
            }

            lastShared[column] = text;
            lastSharedIndex[column] = index;
        }

        SharedReferences++;
        return lastSharedIndex[column];
    }
}
