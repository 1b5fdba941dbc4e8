using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace MuScore.Ingest;

/// <summary>
/// Deflate (RFC 1951) for sheet XML whose writer marks where each value starts and ends. The markup
/// between two values (<c>&lt;/v&gt;&lt;/c&gt;&lt;c t="s"&gt;&lt;v&gt;</c> and the like) nearly always occurred a
/// few cells before: it becomes one back-reference to its last occurrence, found by a table look-up
/// and checked byte for byte, instead of zlib searching every position of the block for matches.
/// Values are literals. The block is one dynamic Huffman block (codes built from its own symbol
/// counts), ended like zlib's sync flush, so blocks made on several threads join into one stream
/// (<see cref="DeflateBlocks"/>). Any marks give a correct stream: they only decide which spans are
/// looked up. One instance per thread; the same input and marks always give the same bytes.
/// </summary>
internal sealed partial class MarkupDeflater
{
    private const int MinMatch = 3;
    private const int MaxMatch = 258;
    private const int MaxDistance = 32768;
    private const int EndOfBlock = 256;
    private const int LiteralSymbols = 286;
    private const int DistanceSymbols = 30;
    private const int TableBits = 12;

    /// <summary>Bytes at the start of a block whose symbols are counted for the block's codes.</summary>
    private const int SampleBytes = 64 * 1024;

    private static readonly int[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly int[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly int[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly int[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    /// <summary>The order in which the code-length code's lengths are sent (RFC 1951 §3.2.7).</summary>
    private static readonly byte[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    /// <summary>The length symbol (257–285) of each match length 3–258.</summary>
    private static readonly short[] LengthSymbol = LengthSymbols();

    private readonly int[] literalFrequencies = new int[LiteralSymbols];
    private readonly int[] distanceFrequencies = new int[DistanceSymbols];
    private readonly byte[] literalLengths = new byte[LiteralSymbols];
    private readonly byte[] distanceLengths = new byte[DistanceSymbols];
    private readonly ushort[] literalCodes = new ushort[LiteralSymbols];
    private readonly ushort[] distanceCodes = new ushort[DistanceSymbols];
    private readonly int[] seenAt = new int[1 << TableBits];
    private readonly int[] seenLength = new int[1 << TableBits];


    /// <summary>
    /// <paramref name="data"/> as one non-final deflate block ending byte aligned, in an array rented
    /// from <see cref="ArrayPool{T}.Shared"/> that the caller returns. <paramref name="marks"/> holds
    /// pairs of offsets (start, end) of the values, in order; the bytes between them are markup.
    /// </summary>
    public (byte[] Buffer, int Length) Compress(ReadOnlySpan<byte> data, ReadOnlySpan<int> marks)
    {
        CountSample(data, marks);

        // Room for the worst case: every byte a 15-bit literal or a third of a 48-bit match, plus the header.
        var output = ArrayPool<byte>.Shared.Rent((data.Length * 2) + 1024);
        var writer = new DeflateBitWriter(output);
        WriteHeader(ref writer);
        Encode(ref writer, data, marks);

        // An empty stored block, as zlib's sync flush: the block ends on a byte boundary.
        writer.Write(0, 3);
        writer.AlignToByte();
        writer.Write(0xFFFF_0000, 32);
        return (output, writer.Position);
    }

    private static short[] LengthSymbols()
    {
        var symbols = new short[MaxMatch + 1];
        for (var code = 0; code < LengthBase.Length; code++)
        {
            var last = code + 1 < LengthBase.Length ? LengthBase[code + 1] - 1 : MaxMatch;
            for (var length = LengthBase[code]; length <= last && length <= MaxMatch; length++)
            {
                symbols[length] = (short)(257 + code);
            }
        }

        // 258 has a code of its own (285), not 284 with all extra bits set.
        symbols[MaxMatch] = 285;
        return symbols;
    }

    private static int DistanceSymbol(int distance)
    {
        var d = distance - 1;
        if (d < 4)
        {
            return d;
        }

        var extra = BitOperations.Log2((uint)d) - 1;
        return (2 * extra) + 2 + ((d >> extra) & 1);
    }

    /// <summary>
    /// The symbol counts the codes are built from: those of the block's first
    /// <see cref="SampleBytes"/> (its rows are like the rest), over a floor of one for every symbol,
    /// so that every byte and every match the block holds has a code.
    /// </summary>
    private void CountSample(ReadOnlySpan<byte> data, ReadOnlySpan<int> marks)
    {
        Array.Fill(literalFrequencies, 1);
        Array.Fill(distanceFrequencies, 1);
        Array.Fill(seenAt, -1);
        var from = 0;
        for (var s = 0; s <= marks.Length && from < SampleBytes; s++)
        {
            var to = End(s, from, data.Length, marks);
            var distance = (s & 1) == 0 ? Lookup(data, from, to) : 0;
            if (distance > 0)
            {
                for (var length = to - from; length > 0;)
                {
                    var piece = Piece(length);
                    literalFrequencies[LengthSymbol[piece]]++;
                    distanceFrequencies[DistanceSymbol(distance)]++;
                    length -= piece;
                }
            }
            else
            {
                foreach (var b in data[from..to])
                {
                    literalFrequencies[b]++;
                }
            }

            from = to;
        }

        // The look-ups start again for the block itself.
        Array.Fill(seenAt, -1);
    }

    /// <summary>Where segment <paramref name="s"/> ends: segments alternate markup, value, markup, …, markup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int End(int s, int from, int length, ReadOnlySpan<int> marks)
    {
        var to = s < marks.Length ? marks[s] : length;
        if (to < from || to > length)
        {
            ThrowBadMark(s, to);
        }

        return to;
    }

    [DoesNotReturn]
    private static void ThrowBadMark(int s, int to) =>
        throw new ArgumentException($"Value marks must be ordered offsets within the data (mark {s}: {to}).");

    /// <summary>A match length at most 258 that leaves none or at least 3 bytes of <paramref name="length"/>.</summary>
    private static int Piece(int length) => length <= MaxMatch ? length : length - MaxMatch >= MinMatch ? MaxMatch : length - MinMatch;

    /// <summary>
    /// The distance back to the last occurrence of markup <paramref name="from"/>–<paramref name="to"/>
    /// when it is within reach and the same bytes, else 0; the span is remembered either way.
    /// </summary>
    private int Lookup(ReadOnlySpan<byte> data, int from, int to)
    {
        var span = data[from..to];
        if (span.Length < MinMatch)
        {
            return 0;
        }

        ulong head, tail;
        if (span.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(span);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(span[^8..]);
        }
        else
        {
            head = 0;
            foreach (var b in span)
            {
                head = (head << 8) | b;
            }

            tail = 0;
        }

        var slot = unchecked((int)((((head * 0x9E3779B97F4A7C15) ^ (tail * 0xC2B2AE3D27D4EB4F)) + (ulong)span.Length) * 0x165667B19E3779F9 >> (64 - TableBits)));
        var previous = seenAt[slot];
        var previousLength = seenLength[slot];
        seenAt[slot] = from;
        seenLength[slot] = span.Length;
        if (previous < 0 || previousLength != span.Length || from - previous > MaxDistance)
        {
            return 0;
        }

        // Up to 16 bytes the first and last 8 (overlapping) are the whole span.
        var earlier = data.Slice(previous, span.Length);
        var same = span.Length is >= 8 and <= 16
            ? BinaryPrimitives.ReadUInt64LittleEndian(earlier) == head && BinaryPrimitives.ReadUInt64LittleEndian(earlier[^8..]) == tail
            : earlier.SequenceEqual(span);
        return same ? from - previous : 0;
    }

    /// <summary>The block's symbols: each markup span a back-reference when found again, else literals; values literals; the end of block.</summary>
    private void Encode(ref DeflateBitWriter writer, ReadOnlySpan<byte> data, ReadOnlySpan<int> marks)
    {
        // A literal's code and its length in one entry; a match length's code with its extra bits likewise.
        Span<uint> literal = stackalloc uint[256];
        for (var b = 0; b < 256; b++)
        {
            literal[b] = literalCodes[b] | ((uint)literalLengths[b] << 16);
        }

        Span<uint> matchLength = stackalloc uint[MaxMatch + 1];
        for (var length = MinMatch; length <= MaxMatch; length++)
        {
            var symbol = LengthSymbol[length];
            var bits = literalLengths[symbol];
            var extra = (uint)(length - LengthBase[symbol - 257]) << bits;
            matchLength[length] = (literalCodes[symbol] | extra) | ((uint)(bits + LengthExtra[symbol - 257]) << 24);
        }

        // The bit writer's state in locals for the loop; three literals (45 bits at most) or one match
        // (48) go in before every 8-byte store, which keeps fewer than 8 bits pending.
        writer.Suspend(out var output, out var position, out var pending, out var count);
        var from = 0;
        for (var s = 0; s <= marks.Length; s++)
        {
            var to = End(s, from, data.Length, marks);
            var distance = (s & 1) == 0 ? Lookup(data, from, to) : 0;
            unchecked
            {
                if (distance > 0)
                {
                    var d = DistanceSymbol(distance);
                    var distanceEntry = (ulong)(distanceCodes[d] | ((uint)(distance - DistanceBase[d]) << distanceLengths[d]));
                    var distanceBits = distanceLengths[d] + DistanceExtra[d];
                    for (var length = to - from; length > 0;)
                    {
                        var piece = Piece(length);
                        var lengthEntry = matchLength[piece];
                        pending |= (ulong)(lengthEntry & 0xFF_FFFF) << count;
                        count += (int)(lengthEntry >> 24);
                        pending |= distanceEntry << count;
                        count += distanceBits;
                        BinaryPrimitives.WriteUInt64LittleEndian(output[position..], pending);
                        position += count >> 3;
                        pending >>= count & ~7;
                        count &= 7;
                        length -= piece;
                    }

                    from = to;
                    continue;
                }

                var i = from;
                for (; i + 3 <= to; i += 3)
                {
                    var a = literal[data[i]];
                    var b = literal[data[i + 1]];
                    var c = literal[data[i + 2]];
                    pending |= (ulong)(a & 0xFFFF) << count;
                    count += (int)(a >> 16);
                    pending |= (ulong)(b & 0xFFFF) << count;
                    count += (int)(b >> 16);
                    pending |= (ulong)(c & 0xFFFF) << count;
                    count += (int)(c >> 16);
                    BinaryPrimitives.WriteUInt64LittleEndian(output[position..], pending);
                    position += count >> 3;
                    pending >>= count & ~7;
                    count &= 7;
                }

                for (; i < to; i++)
                {
                    var a = literal[data[i]];
                    pending |= (ulong)(a & 0xFFFF) << count;
                    count += (int)(a >> 16);
                    BinaryPrimitives.WriteUInt64LittleEndian(output[position..], pending);
                    position += count >> 3;
                    pending >>= count & ~7;
                    count &= 7;
                }
            }

            from = to;
        }

        writer = new DeflateBitWriter(output, position, pending, count);
        writer.Write(literalCodes[EndOfBlock], literalLengths[EndOfBlock]);
    }
}
