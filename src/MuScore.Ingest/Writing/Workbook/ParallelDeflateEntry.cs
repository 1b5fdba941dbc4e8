using System.Buffers;
using System.IO.Hashing;

namespace MuScore.Ingest;

/// <summary>
/// One zip entry whose data arrives in blocks: each block is deflated on the thread pool
/// (<see cref="MarkupDeflater"/>, with the block's value marks) while the caller makes the next, and
/// the compressed blocks are written in order, the stream ended by <see cref="DeflateBlocks.FinalBlock"/>.
/// The CRC-32 is taken on the caller's thread as blocks arrive. At most a few blocks are in flight,
/// so memory stays a few megabytes however long the entry. Blocks are rented from
/// <see cref="ArrayPool{T}.Shared"/> by the caller and returned here once compressed.
/// </summary>
internal sealed class ParallelDeflateEntry
{
    private readonly ZipWriter zip;
    private readonly int maxInFlight;
    private readonly Queue<Task<(byte[] Buffer, int Length)>> inFlight = new();
    private readonly Crc32 crc = new();
    private long size;

    public ParallelDeflateEntry(ZipWriter zip, string name)
    {
        this.zip = zip;
        maxInFlight = Math.Max(2, Environment.ProcessorCount * 2);
        zip.BeginEntry(name);
    }

    /// <summary>Queues <paramref name="block"/>, whose rented arrays this entry now owns.</summary>
    public void Add(SheetXmlBlock block)
    {
        crc.Append(block.Bytes.AsSpan(0, block.Length));
        size += block.Length;
        inFlight.Enqueue(Task.Run(() =>
        {
            try
            {
                return new MarkupDeflater().Compress(block.Bytes.AsSpan(0, block.Length), block.Marks.AsSpan(0, block.MarkCount));
            }
            finally
            {
                block.Return();
            }
        }));

        while (inFlight.Count > maxInFlight || (inFlight.Count > 0 && inFlight.Peek().IsCompleted))
        {
            WriteOldest();
        }
    }

    /// <summary>Writes every queued block and the final block, and ends the entry.</summary>
    public void Finish()
    {
        while (inFlight.Count > 0)
        {
            WriteOldest();
        }

        zip.WriteData(DeflateBlocks.FinalBlock);
        zip.EndEntry(crc.GetCurrentHashAsUInt32(), size);
    }

    /// <summary>Waits for every queued block without writing (after a failure: no pooled array stays in use).</summary>
    public void Abandon()
    {
        while (inFlight.Count > 0)
        {
            try
            {
                ArrayPool<byte>.Shared.Return(inFlight.Dequeue().GetAwaiter().GetResult().Buffer);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The failure that led here is the one reported.
            }
        }
    }

    private void WriteOldest()
    {
        var (buffer, length) = inFlight.Dequeue().GetAwaiter().GetResult();
        try
        {
            zip.WriteData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
