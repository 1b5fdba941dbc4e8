using System.Buffers;

namespace MuScore.Ingest;

/// <summary>
/// One block of sheet rows in an <see cref="OrderedBlockRing{TSlot}"/>: its XML, kept from block
/// to block, and that XML deflated (a pooled array, <see cref="CompressedLength"/> bytes of it).
/// </summary>
internal sealed class SheetBlockSlot : IDisposable
{
    public SheetXmlBuffer Xml { get; } = new();

    public byte[] Compressed { get; private set; } = [];

    public int CompressedLength { get; private set; }

    /// <summary>Keeps <paramref name="compressed"/>, a rented array, in place of the previous block's.</summary>
    public void SetCompressed((byte[] Buffer, int Length) compressed)
    {
        ReturnCompressed();
        (Compressed, CompressedLength) = compressed;
    }

    /// <summary>Returns the pooled arrays.</summary>
    public void Dispose()
    {
        Xml.Dispose();
        ReturnCompressed();
    }

    private void ReturnCompressed()
    {
        if (Compressed.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(Compressed);
        }

        Compressed = [];
        CompressedLength = 0;
    }
}
