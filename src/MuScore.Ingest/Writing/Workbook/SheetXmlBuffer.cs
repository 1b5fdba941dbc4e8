using System.Buffers;
using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// UTF-8 sheet XML written straight into a rented block of bytes, no strings in between; a full
/// block is handed on (<see cref="TakeBlock"/>) to be deflated while the next one fills.
/// </summary>
internal sealed class SheetXmlBuffer : IDisposable
{
    /// <summary>Bytes of XML per block handed to the compressor: large enough that the dictionary reset costs little.</summary>
    public const int BlockSize = 1 << 20;

    private static readonly SearchValues<char> Escaped = SearchValues.Create("<>&");

    /// <summary>Value marks of a block of ratings rows: two per value, about 70 values a row.</summary>
    private const int MarksPerBlock = 1 << 17;

    private byte[] block = ArrayPool<byte>.Shared.Rent(BlockSize + (BlockSize / 4));
    private int length;
    private int[] marks = ArrayPool<int>.Shared.Rent(MarksPerBlock);
    private int markCount;

    /// <summary>Whether the block has reached <see cref="BlockSize"/> and should be handed on.</summary>
    public bool IsFull => length >= BlockSize;

    /// <summary>Bytes in the current block.</summary>
    public int Length => length;

    /// <summary>The bytes written since the last <see cref="Clear"/> or <see cref="TakeBlock"/>.</summary>
    public ReadOnlySpan<byte> Written => block.AsSpan(0, length);

    /// <summary>
    /// Where the values (numbers, texts, the row of a cell reference) start and end in the block:
    /// pairs of offsets, in order. Everything between them is markup, which
    /// <see cref="MarkupDeflater"/> finds again a few cells later.
    /// </summary>
    public ReadOnlySpan<int> Marks => marks.AsSpan(0, markCount);

    /// <summary>Empties the block, keeping its arrays (a buffer reused block after block).</summary>
    public void Clear()
    {
        length = 0;
        markCount = 0;
    }

    /// <summary>The filled block and its marks (the caller now owns both rented arrays); fresh ones take their place.</summary>
    public SheetXmlBlock TakeBlock()
    {
        var taken = new SheetXmlBlock(block, length, marks, markCount);
        block = ArrayPool<byte>.Shared.Rent(BlockSize + (BlockSize / 4));
        length = 0;
        marks = ArrayPool<int>.Shared.Rent(MarksPerBlock);
        markCount = 0;
        return taken;
    }

    /// <summary>Room for at least <paramref name="count"/> marks; <see cref="AdvanceMarks"/> then counts those written.</summary>
    public Span<int> ReserveMarks(int count)
    {
        EnsureRoom(ref marks, markCount, count);
        return marks.AsSpan(markCount);
    }

    public void AdvanceMarks(int count) => markCount += count;

    /// <summary>Marks bytes <paramref name="start"/> to <paramref name="end"/> of the block as a value.</summary>
    public void MarkValue(int start, int end)
    {
        var free = ReserveMarks(2);
        free[0] = start;
        free[1] = end;
        markCount += 2;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        length += bytes.Length;
    }

    /// <summary>A span of at least <paramref name="count"/> free bytes; <see cref="Advance"/> then counts what was written.</summary>
    public Span<byte> Reserve(int count)
    {
        EnsureRoom(ref block, length, count);
        return block.AsSpan(length);
    }

    /// <summary>Swaps <paramref name="array"/> for a pooled one at least twice as long when fewer than <paramref name="count"/> items are free after <paramref name="used"/>.</summary>
    private static void EnsureRoom<T>(ref T[] array, int used, int count)
    {
        if (array.Length - used < count)
        {
            var larger = ArrayPool<T>.Shared.Rent(Math.Max(array.Length * 2, used + count));
            array.AsSpan(0, used).CopyTo(larger);
            ArrayPool<T>.Shared.Return(array);
            array = larger;
        }
    }

    public void Advance(int count) => length += count;

    /// <summary>
    /// Text as XML character data, &amp;, &lt;, &gt; escaped. A CR stays raw, so CR LF reads back as
    /// the LF Excel stores for a line break, as from <see cref="XlsxTableWriter"/> (docs/outputs.md, ".xlsx").
    /// </summary>
    public void AppendText(string text)
    {
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var special = span.IndexOfAny(Escaped);
            var run = special < 0 ? span : span[..special];
            var free = Reserve(Encoding.UTF8.GetMaxByteCount(run.Length));
            length += Encoding.UTF8.GetBytes(run, free);
            if (special < 0)
            {
                return;
            }

            Append(span[special] switch
            {
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                _ => "&amp;"u8,
            });
            span = span[(special + 1)..];
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(block);
        block = [];
        length = 0;
        if (marks.Length > 0)
        {
            ArrayPool<int>.Shared.Return(marks);
        }

        marks = [];
        markCount = 0;
    }

    /// <summary>Copy of the bytes so far (the small parts of a workbook are built this way too).</summary>
    public byte[] ToArray() => block.AsSpan(0, length).ToArray();
}

/// <summary>A block of sheet XML handed on to be deflated, with its value marks: two rented arrays.</summary>
internal readonly record struct SheetXmlBlock(byte[] Bytes, int Length, int[] Marks, int MarkCount)
{
    /// <summary>Gives both arrays back to the pool.</summary>
    public void Return()
    {
        ArrayPool<byte>.Shared.Return(Bytes);
        ArrayPool<int>.Shared.Return(Marks);
    }
}

/// <summary>Extensions that make <see cref="SheetXmlBuffer"/> calls read like the XML they write.</summary>
internal static class SheetXmlBufferText
{
    /// <summary>ASCII or other text that needs no escaping (names the writer made itself).</summary>
    public static void AppendRaw(this SheetXmlBuffer buffer, string text)
    {
        var free = buffer.Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, free));
    }
}
