using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using MuScore.Core.Hashing;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// Rows given to a block as runs of plain CSV records (<see cref="RecordRun"/>): the reader only
/// copies their text; the worker splits it into cells and maps them to fields in
/// <see cref="Process"/>, giving each row what <see cref="Add"/> would have copied from a
/// <see cref="TableRow"/> or a <see cref="BlankTableRow"/>.
/// </summary>
internal sealed partial class RowBlock
{
    private readonly List<(int CharStart, int Length, int FirstIndex, int Records, int FirstRowNumber)> runs = [];
    private readonly (int Start, int End)[] plainText = new (int, int)[Capacity];
    private RecordRunLayout? layout;
    private SplitRecord? split;
    private TableRow? splitRow;

    /// <summary>Copies the run's text; its rows are split by <see cref="Process"/>. The run must fit (<see cref="RecordRun.Room"/>).</summary>
    public void AddRun(RecordRun run)
    {
        if (run.Records > Capacity - Count)
        {
            throw new InvalidOperationException("The run holds more records than the block has room for.");
        }

        if (chars.Length - charsUsed < run.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, charsUsed + run.Length));
        }

        run.Chars.AsSpan(run.Start, run.Length).CopyTo(chars.AsSpan(charsUsed));
        runs.Add((charsUsed, run.Length, Count, run.Records, run.FirstRowNumber));
        layout = run.Layout;
        charsUsed += run.Length;
        Count += run.Records;
    }

    private void SplitRuns()
    {
        if (runs.Count == 0)
        {
            return;
        }

        var shape = layout!;
        split ??= new SplitRecord(shape.Names);
        splitRow ??= new TableRow(split, shape.ColumnOf, shape.HeaderWidth);
        split.Chars = chars;
        foreach (var (charStart, length, firstIndex, records, firstRowNumber) in runs)
        {
            var p = charStart;
            var end = charStart + length;
            for (var i = 0; i < records; i++)
            {
                // Every record of a run ends with LF, after a CR or not.
                var lineEnd = p + chars.AsSpan(p, end - p).IndexOf('\n');
                var contentEnd = lineEnd > p && chars[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                split.Split(p, contentEnd, shape.Delimiter, firstRowNumber + i);
                SetSplitRow(firstIndex + i, shape);
                plainText[firstIndex + i] = IsCanonicalText(shape) ? (p, contentEnd) : (0, -1);
                p = lineEnd + 1;
            }
        }
    }

    /// <summary>
    /// Whether the row's canonical hash bytes are its text in UTF-8 with each delimiter replaced
    /// by the unit separator: the columns are the fields in canonical order and nothing else, and
    /// no cell has white space for <see cref="CanonicalRow"/> to trim.
    /// </summary>
    private bool IsCanonicalText(RecordRunLayout shape)
    {
        var record = split!;
        if (!shape.FieldsInCanonicalOrder || record.CellCount != FieldCount)
        {
            return false;
        }

        for (var column = 0; column < FieldCount; column++)
        {
            var length = record.Lengths[column];
            if (length > 0 && (char.IsWhiteSpace(chars[record.Starts[column]]) || char.IsWhiteSpace(chars[record.Starts[column] + length - 1])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends row <paramref name="index"/>'s canonical bytes from its text when <see cref="IsCanonicalText"/> held; false otherwise.</summary>
    private bool TryAppendCanonicalText(int index)
    {
        var (start, end) = plainText[index];
        if (end < 0)
        {
            return false;
        }

        var text = chars.AsSpan(start, end - start);
        var room = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        if (canonical.Length - canonicalUsed < room)
        {
            Array.Resize(ref canonical, Math.Max(canonical.Length * 2, canonicalUsed + room));
        }

        var bytes = canonical.AsSpan(canonicalUsed);
        var written = Encoding.UTF8.GetBytes(text, bytes);

        // A delimiter is ASCII, so its byte never occurs inside a multi-byte character.
        bytes[..written].Replace((byte)layout!.Delimiter, UnitSeparator);
        bytes[written] = RecordSeparator;
        canonicalUsed += written + 1;
        return true;
    }

    /// <summary>The row as <see cref="InputTable"/> gives it: blank, or the mapped cells with any extra-cells problem.</summary>
    private void SetSplitRow(int index, RecordRunLayout shape)
    {
        var record = split!;
        rowNumbers[index] = record.RowNumber;
        var blank = record.IsBlankRecord();
        blanks[index] = blank;
        tableProblems[index] = null;
        if (!blank && record.CellCount > shape.HeaderWidth)
        {
            splitRow!.Load();
            tableProblems[index] = splitRow.TableProblems.Count == 0 ? null : splitRow.TableProblems;
        }

        var cell = index * FieldCount;
        for (var field = 0; field < FieldCount; field++, cell++)
        {
            var column = shape.ColumnOf[field];
            if (blank || column < 0 || column >= record.CellCount)
            {
                cellStarts[cell] = 0;
                cellLengths[cell] = 0;
            }
            else
            {
                cellStarts[cell] = record.Starts[column];
                cellLengths[cell] = record.Lengths[column];
            }
        }
    }

    /// <summary>One record of a run split into cells, as a table source for <see cref="TableRow"/>'s row problems.</summary>
    private sealed class SplitRecord(ITableSource names) : ITableSource
    {
        public char[] Chars { get; set; } = [];

        public int[] Starts { get; private set; } = new int[64];

        public int[] Lengths { get; private set; } = new int[64];

        public string Format => names.Format;

        public int RowNumber { get; private set; }

        public int CellCount { get; private set; }

        public long Position => 0;

        public long Length => -1;

        /// <summary>Splits [start, end) at every delimiter: no quote and no line break can be in a run's record.</summary>
        public void Split(int start, int end, char delimiter, int rowNumber)
        {
            RowNumber = rowNumber;
            CellCount = 0;
            var cellStart = start;
            var p = start;

            // Sixteen chars at a time: a row's cells are short, and a search call per cell costs more than the cell.
            if (Vector256.IsHardwareAccelerated)
            {
                var delimiters = Vector256.Create((ushort)delimiter);
                var text = MemoryMarshal.Cast<char, ushort>(Chars.AsSpan());
                for (; p + Vector256<ushort>.Count <= end; p += Vector256<ushort>.Count)
                {
                    var found = Vector256.Equals(Vector256.Create(text.Slice(p, Vector256<ushort>.Count)), delimiters).ExtractMostSignificantBits();
                    while (found != 0)
                    {
                        var at = p + BitOperations.TrailingZeroCount(found);
                        AddCell(cellStart, at);
                        cellStart = at + 1;
                        found &= found - 1;
                    }
                }
            }

            for (; p < end; p++)
            {
                if (Chars[p] == delimiter)
                {
                    AddCell(cellStart, p);
                    cellStart = p + 1;
                }
            }

            AddCell(cellStart, end);
        }

        private void AddCell(int start, int end)
        {
            var count = CellCount;
            if (count == Starts.Length)
            {
                var starts = Starts;
                var lengths = Lengths;
                Array.Resize(ref starts, count * 2);
                Array.Resize(ref lengths, count * 2);
                Starts = starts;
                Lengths = lengths;
            }

            Starts[count] = start;
            Lengths[count] = end - start;
            CellCount = count + 1;
        }

        public bool Read() => throw new NotSupportedException("A split record is set, not read.");

        public ReadOnlySpan<char> Cell(int column) =>
            (uint)column < (uint)CellCount ? Chars.AsSpan(Starts[column], Lengths[column]) : default;

        public string ColumnName(int column) => names.ColumnName(column);

        /// <summary>The parser is disposed by its owner.</summary>
        public void Dispose()
        {
        }
    }
}
