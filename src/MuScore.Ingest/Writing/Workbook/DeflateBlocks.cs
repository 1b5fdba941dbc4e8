using System.Buffers;
using System.IO.Compression;

namespace MuScore.Ingest;

/// <summary>
/// Raw deflate of one block on its own (a fresh compressor, no dictionary from the blocks before),
/// so blocks can be compressed on several cores at once and simply concatenated: every block but
/// the last ends in a sync flush (an empty stored block, byte aligned, not final), and
/// <see cref="FinalBlock"/> closes the stream. This is how pigz builds one deflate stream in parallel.
/// </summary>
internal static class DeflateBlocks
{
    /// <summary>An empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block, padding.</summary>
    public static ReadOnlySpan<byte> FinalBlock => [0x03, 0x00];

    /// <summary>
    /// <paramref name="data"/> deflated at zlib <paramref name="level"/> (1 fastest … 9 smallest);
    /// <paramref name="final"/> ends the deflate stream, otherwise the block ends in a sync flush.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> data, int level, bool final)
    {
        var (buffer, length) = CompressRented(data, level, final);
        var bytes = buffer.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        return bytes;
    }

    /// <summary>As <see cref="Compress"/>, into an array rented from <see cref="ArrayPool{T}.Shared"/> that the caller returns.</summary>
    public static (byte[] Buffer, int Length) CompressRented(ReadOnlySpan<byte> data, int level, bool final)
    {
        using var output = new RentedBufferStream((data.Length / 4) + 64);
        using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(data);
            if (!final)
            {
                // DeflateStream.Flush is zlib's Z_SYNC_FLUSH: all input out, ending byte aligned.
                // Taken before Dispose, which would end the stream with a final block.
                deflate.Flush();
                return output.Take();
            }
        }

        return output.Take();
    }
}
