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
                p = lineEnd + 1;
            }
        }
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
            var count = 0;
            var p = start;
            while (true)
            {
                var found = Chars.AsSpan(p, end - p).IndexOf(delimiter);
                var cellEnd = found < 0 ? end : p + found;
                if (count == Starts.Length)
                {
                    var starts = Starts;
                    var lengths = Lengths;
                    Array.Resize(ref starts, count * 2);
                    Array.Resize(ref lengths, count * 2);
                    Starts = starts;
                    Lengths = lengths;
                }

                Starts[count] = p;
                Lengths[count] = cellEnd - p;
                count++;
                if (found < 0)
                {
                    break;
                }

                p = cellEnd + 1;
            }

            CellCount = count;
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
