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

    /// <summary>Appends row <paramref name="rowNumber"/> (the sheet's, 1-based) of <paramref name="cells"/> to <paramref name="xml"/>.</summary>
    public void Write(SheetXmlBuffer xml, ReadOnlySpan<XlsxCell> cells, int rowNumber)
    {
        var span = xml.Reserve(Room(cells.Length));
        var origin = xml.Length;

        // Up to two values a cell (its reference's row, its value), two marks each.
        var marks = xml.ReserveMarks(cells.Length * 4);
        var marked = 0;
        "<row>"u8.CopyTo(span);
        var at = 5;
        var next = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            ref readonly var cell = ref cells[i];
            var kind = cell.Kind;
            if (kind == XlsxCellKind.Empty)
            {
                continue;
            }

            if (i == next)
            {
                "<c"u8.CopyTo(span[at..]);
                at += 2;
            }
            else
            {
                "<c r=\""u8.CopyTo(span[at..]);
                at += 6;
                columnNames[i].CopyTo(span[at..]);
                at += columnNames[i].Length;
                marks[marked++] = origin + at;
                at += AsciiDigits.Write((uint)rowNumber, span[at..]);
                marks[marked++] = origin + at;
                span[at++] = (byte)'"';
            }

            next = i + 1;
            var index = kind == XlsxCellKind.SharedText ? SharedIndex(i, cell.Text) : -1;
            if (index >= 0)
            {
                " t=\"s\"><v>"u8.CopyTo(span[at..]);
                at += 10;
                marks[marked++] = origin + at;
                at += AsciiDigits.Write((uint)index, span[at..]);
                marks[marked++] = origin + at;
                "</v></c>"u8.CopyTo(span[at..]);
                at += 8;
            }
            else if (kind is XlsxCellKind.Text or XlsxCellKind.SharedText)
            {
                // Text of any length: written through the buffer, then a fresh span for the rest of the row.
                xml.Advance(at);
                xml.AdvanceMarks(marked);
                WriteInline(xml, cell.Text, bold: false);
                span = xml.Reserve(Room(cells.Length - i));
                origin = xml.Length;
                marks = xml.ReserveMarks((cells.Length - i) * 4);
                marked = 0;
                at = 0;
            }
            else
            {
                "><v>"u8.CopyTo(span[at..]);
                at += 4;
                marks[marked++] = origin + at;

                // The two kinds of nearly every figure written directly, the rare double through the general writer.
                at += kind switch
                {
                    XlsxCellKind.Millionths => NumberText.WriteMillionths(cell.Units, span[at..]),
                    XlsxCellKind.Whole => AsciiDigits.WriteSigned(cell.Units, span[at..]),
                    _ => XlsxNumbers.Write(cell, span[at..]),
                };
                marks[marked++] = origin + at;
                "</v></c>"u8.CopyTo(span[at..]);
                at += 8;
            }
        }

        "</row>"u8.CopyTo(span[at..]);
        xml.Advance(at + 6);
        xml.AdvanceMarks(marked);
    }

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

    private static int Room(int cells) => 16 + (cells * MaxCellLength);

    /// <summary>The shared string index of a column's text, or -1 to write it inline.</summary>
    private int SharedIndex(int column, string text)
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
