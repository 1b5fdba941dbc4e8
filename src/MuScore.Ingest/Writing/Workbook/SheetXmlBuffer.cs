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

    private byte[] block = ArrayPool<byte>.Shared.Rent(BlockSize + (BlockSize / 4));
    private int length;

    /// <summary>Whether the block has reached <see cref="BlockSize"/> and should be handed on.</summary>
    public bool IsFull => length >= BlockSize;

    /// <summary>Bytes in the current block.</summary>
    public int Length => length;

    /// <summary>The bytes written since the last <see cref="Clear"/> or <see cref="TakeBlock"/>.</summary>
    public ReadOnlySpan<byte> Written => block.AsSpan(0, length);

    /// <summary>Empties the block, keeping its array (a buffer reused block after block).</summary>
    public void Clear() => length = 0;

    /// <summary>The filled block (the caller now owns the rented array) and its length; a fresh block takes its place.</summary>
    public (byte[] Block, int Length) TakeBlock()
    {
        var taken = (block, length);
        block = ArrayPool<byte>.Shared.Rent(BlockSize + (BlockSize / 4));
        length = 0;
        return taken;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        length += bytes.Length;
    }

    /// <summary>A span of at least <paramref name="count"/> free bytes; <see cref="Advance"/> then counts what was written.</summary>
    public Span<byte> Reserve(int count)
    {
        if (block.Length - length < count)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(block.Length * 2, length + count));
            block.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(block);
            block = larger;
        }

        return block.AsSpan(length);
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
    }

    /// <summary>Copy of the bytes so far (the small parts of a workbook are built this way too).</summary>
    public byte[] ToArray() => block.AsSpan(0, length).ToArray();
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
