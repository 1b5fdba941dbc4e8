using MuScore.Core.Hashing;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// A run of consecutive table rows copied out of the reader's reused buffers, so that a worker
/// can validate them while the reader splits the next rows. <see cref="Process"/> fills the
/// results: a <see cref="ParsedRow"/> per row and the rows' canonical hash bytes in order.
/// Blocks are reused once their results have been taken.
/// </summary>
internal sealed partial class RowBlock
{
    /// <summary>Rows per block: big enough that handing a block to a worker costs nothing, small enough to keep both cores busy.</summary>
    public const int Capacity = 4096;

    private const byte UnitSeparator = 0x1f;
    private const byte RecordSeparator = 0x1e;
    private static readonly int FieldCount = FieldCatalog.Count;

    private readonly int[] cellStarts = new int[Capacity * FieldCount];
    private readonly int[] cellLengths = new int[Capacity * FieldCount];
    private readonly int[] rowNumbers = new int[Capacity];
    private readonly bool[] blanks = new bool[Capacity];
    private readonly IReadOnlyList<FieldProblem>?[] tableProblems = new IReadOnlyList<FieldProblem>?[Capacity];
    private char[] chars = new char[Capacity * 256];
    private int charsUsed;
    private byte[] canonical = new byte[Capacity * 256];
    private int canonicalUsed;

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    /// <summary>Whether the block holds <see cref="Capacity"/> rows.</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>Each row's validation result, in row order; valid after <see cref="Process"/>.</summary>
    public ParsedRow[] Parsed { get; } = new ParsedRow[Capacity];

    /// <summary>The canonical bytes of every row, in row order; valid after <see cref="Process"/>.</summary>
    public ReadOnlySpan<byte> Canonical => canonical.AsSpan(0, canonicalUsed);

    /// <summary>Empties the block for reuse.</summary>
    public void Clear()
    {
        Array.Clear(Parsed, 0, Count);
        Array.Clear(tableProblems, 0, Count);
        Count = 0;
        charsUsed = 0;
        runs.Clear();
        canonicalUsed = 0;
    }

    /// <summary>Copies the cells of every field of <paramref name="row"/> (untrimmed) and its table problems.</summary>
    public void Add(ITableRow row)
    {
        var index = Count;
        plainText[index] = (0, -1);
        rowNumbers[index] = row.RowNumber;
        blanks[index] = row.IsBlank;
        tableProblems[index] = row.TableProblems.Count == 0 ? null : row.TableProblems;
        var cell = index * FieldCount;
        for (var field = 0; field < FieldCount; field++, cell++)
        {
            var text = row.Cell((Field)field);
            if (chars.Length - charsUsed < text.Length)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, charsUsed + text.Length));
            }

            text.CopyTo(chars.AsSpan(charsUsed));
            cellStarts[cell] = charsUsed;
            cellLengths[cell] = text.Length;
            charsUsed += text.Length;
        }

        Count++;
    }

    /// <summary>Validates and encodes every row with the worker's own <paramref name="parser"/>.</summary>
    public void Process(RecordParser parser)
    {
        SplitRuns();
        var row = new BlockRow(this);
        for (var i = 0; i < Count; i++)
        {
            row.Index = i;
            if (!TryAppendCanonicalText(i))
            {
                CanonicalRow.Append(row, ref canonical, ref canonicalUsed);
            }

            var parsed = parser.Parse(row);
            Parsed[i] = tableProblems[i] is { } problems ? Merge(parsed, problems) : parsed;
        }
    }

    /// <summary>The reader's problems of the row's shape come before the field problems, and make the row INVALID.</summary>
    private static ParsedRow Merge(ParsedRow parsed, IReadOnlyList<FieldProblem> problems) =>
        parsed with { Record = null, Problems = [.. problems, .. parsed.Problems] };

    /// <summary>One row of the block seen as a raw row.</summary>
    private sealed class BlockRow(RowBlock block) : IRawRow
    {
        public int Index { get; set; }

        public int RowNumber => block.rowNumbers[Index];

        public bool IsBlank => block.blanks[Index];

        public ReadOnlySpan<char> Cell(Field field)
        {
            var cell = (Index * FieldCount) + (int)field;
            return block.chars.AsSpan(block.cellStarts[cell], block.cellLengths[cell]);
        }
    }
}
