using System.Runtime.ExceptionServices;

namespace MuScore.Ingest;

/// <summary>
/// A ring of slots between the threads that fill blocks of rows (formatted, or written and
/// deflated) and the one that writes them out in order. Block b goes into slot b mod size once
/// block b − size has been written (a worker that claimed a later block may get there first, so
/// the turn is by block number, not by arrival); the writer waits until block b is in its slot.
/// Slots are reused from block to block, so memory is a few blocks however long the table. A
/// worker's failure stops the ring and reaches the writer as itself. Disposing the ring disposes
/// the slots that are disposable, once no worker is running.
/// </summary>
/// <typeparam name="TSlot">What one block is written into.</typeparam>
public sealed class OrderedBlockRing<TSlot> : IDisposable
    where TSlot : class
{
    private readonly object gate = new();
    private readonly TSlot[] slots;
    private readonly Action<TSlot> clear;
    private readonly int[] filled;
    private int written;
    private bool stopped;
    private ExceptionDispatchInfo? failure;

    /// <param name="size">Blocks held at once.</param>
    /// <param name="create">Makes one slot.</param>
    /// <param name="clear">Empties a slot before it takes its next block.</param>
    public OrderedBlockRing(int size, Func<TSlot> create, Action<TSlot> clear)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(clear);
        this.clear = clear;
        slots = new TSlot[size];
        filled = new int[size];
        for (var i = 0; i < size; i++)
        {
            slots[i] = create();
            filled[i] = -1;
        }
    }

    /// <summary>Worker side: waits for block <paramref name="block"/>'s turn in its slot, then clears and fills it.</summary>
    /// <exception cref="OperationCanceledException">The ring was stopped.</exception>
    public void Fill(int block, Action<TSlot> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (gate)
        {
            while (!stopped && block - written >= slots.Length)
            {
                Monitor.Wait(gate);
            }

            ThrowIfStopped();
        }

        var slot = slots[block % slots.Length];
        try
        {
            clear(slot);
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

    /// <summary>Writer side: waits until block <paramref name="block"/> is filled and returns its slot; <see cref="Release"/> hands the slot back.</summary>
    public TSlot Take(int block)
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

    /// <summary>Writer side: block <paramref name="block"/> is written; its slot may take a later one.</summary>
    public void Release(int block)
    {
        lock (gate)
        {
            written = block + 1;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Stops every wait (the writer failed, or a worker did).</summary>
    public void Cancel()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Disposes the disposable slots; only once no worker is running.</summary>
    public void Dispose()
    {
        foreach (var slot in slots)
        {
            (slot as IDisposable)?.Dispose();
        }
    }

    private void ThrowIfStopped()
    {
        if (stopped)
        {
            throw new OperationCanceledException("The block ring was stopped.");
        }
    }
}
