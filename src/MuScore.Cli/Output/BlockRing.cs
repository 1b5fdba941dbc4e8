using System.Runtime.ExceptionServices;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>
/// A ring of row buffers between the threads that format blocks of rows and the one that writes
/// them out in order. Block b goes into slot b mod size once block b − size has been written (a
/// worker that claimed a later block may get there first, so the turn is by block number, not by
/// arrival); the writer waits until block b is in its slot. A worker's failure stops the ring and
/// reaches the writer as itself.
/// </summary>
internal sealed class BlockRing
{
    private readonly object gate = new();
    private readonly CsvRowBuffer[] buffers;
    private readonly int[] filled;
    private int written;
    private bool stopped;
    private ExceptionDispatchInfo? failure;

    /// <param name="size">Blocks held at once.</param>
    /// <param name="capacity">Bytes each buffer starts with: a block's worth spares growing by doubling and the garbage that leaves.</param>
    public BlockRing(int size, int capacity = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        buffers = new CsvRowBuffer[size];
        filled = new int[size];
        for (var i = 0; i < size; i++)
        {
            buffers[i] = new CsvRowBuffer(capacity);
            filled[i] = -1;
        }
    }

    /// <summary>Worker side: waits for block <paramref name="block"/>'s turn in its slot, then clears and fills it.</summary>
    /// <exception cref="OperationCanceledException">The ring was stopped.</exception>
    public void Fill(int block, Action<CsvRowBuffer> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (gate)
        {
            while (!stopped && block - written >= buffers.Length)
            {
                Monitor.Wait(gate);
            }

            ThrowIfStopped();
        }

        var buffer = buffers[block % buffers.Length];
        try
        {
            buffer.Clear();
            write(buffer);
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
            filled[block % buffers.Length] = block;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Writer side: waits until block <paramref name="block"/> is filled and returns its rows; <see cref="Release"/> hands the slot back.</summary>
    public CsvRowBuffer Take(int block)
    {
        lock (gate)
        {
            while (!stopped && filled[block % buffers.Length] != block)
            {
                Monitor.Wait(gate);
            }

            failure?.Throw();
            ThrowIfStopped();
            return buffers[block % buffers.Length];
        }
    }

    /// <summary>Writer side: block <paramref name="block"/> is written; its slot may take the next one.</summary>
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

    private void ThrowIfStopped()
    {
        if (stopped)
        {
            throw new OperationCanceledException("The block ring was stopped.");
        }
    }
}
