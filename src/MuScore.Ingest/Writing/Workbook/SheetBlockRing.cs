using System.Buffers;
using System.Runtime.ExceptionServices;

namespace MuScore.Ingest;

/// <summary>
/// A ring of slots between the threads that write and deflate blocks of sheet rows and the one
/// that appends them to the zip in order. Block b goes into slot b mod size once block b − size
/// has been appended (the turn is by block number, so a worker that claimed a later block waits);
/// the appender waits until block b is in its slot. A slot keeps its XML buffer from block to block,
/// so memory is a few blocks however long the sheet. A worker's failure stops the ring and reaches
/// the appender as itself.
/// </summary>
internal sealed class SheetBlockRing : IDisposable
{
    private readonly object gate = new();
    private readonly Slot[] slots;
    private readonly int[] filled;
    private int appended;
    private bool stopped;
    private ExceptionDispatchInfo? failure;

    public SheetBlockRing(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        slots = new Slot[size];
        filled = new int[size];
        for (var i = 0; i < size; i++)
        {
            slots[i] = new Slot();
            filled[i] = -1;
        }
    }

    /// <summary>Worker side: waits for block <paramref name="block"/>'s turn, then fills its slot (XML cleared first).</summary>
    /// <exception cref="OperationCanceledException">The ring was stopped.</exception>
    public void Fill(int block, Action<Slot> write)
    {
        lock (gate)
        {
            while (!stopped && block - appended >= slots.Length)
            {
                Monitor.Wait(gate);
            }

            ThrowIfStopped();
        }

        var slot = slots[block % slots.Length];
        try
        {
            slot.Xml.Clear();
            write(slot);
        }
        catch (Exception exception)
        {
            lock (gate)
            {
                failure ??= ExceptionDispatchInfo.Capture(exception);
            }

            Cancel();
            throw;
        }

        lock (gate)
        {
            filled[block % slots.Length] = block;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Appender side: waits until block <paramref name="block"/> is filled; <see cref="Release"/> hands its slot back.</summary>
    public Slot Take(int block)
    {
        lock (gate)
        {
            while (!stopped && filled[block % slots.Length] != block)
            {
                Monitor.Wait(gate);
            }

            failure?.Throw();
            ThrowIfStopped();
            return slots[block % slots.Length];
        }
    }

    /// <summary>Appender side: block <paramref name="block"/> is in the zip; its slot may take a later one.</summary>
    public void Release(int block)
    {
        lock (gate)
        {
            appended = block + 1;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Stops every wait (the appender failed, or a worker did).</summary>
    public void Cancel()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Returns the slots' pooled arrays; only once no worker is running.</summary>
    public void Dispose()
    {
        foreach (var slot in slots)
        {
            slot.Xml.Dispose();
            slot.ReturnCompressed();
        }
    }

    private void ThrowIfStopped()
    {
        if (stopped)
        {
            throw new OperationCanceledException("The sheet block ring was stopped.");
        }
    }

    /// <summary>One block: its sheet XML and that XML deflated (a pooled array, <see cref="CompressedLength"/> bytes of it).</summary>
    public sealed class Slot
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

        public void ReturnCompressed()
        {
            if (Compressed.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(Compressed);
            }

            Compressed = [];
            CompressedLength = 0;
        }
    }
}
