using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MuScore.Core.Hashing;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>Reads a whole table: hashes and validates every row, keeping each row's problems.</summary>
/// <remarks>
/// The reader finds rows in order on the calling thread and copies them into blocks of
/// <see cref="RowBlock.Capacity"/> rows (a CSV's plain records as text, other rows as cells);
/// each block is split, validated and encoded for the hash on a thread-pool worker with a parser
/// of its own; the calling thread takes the blocks back in row
/// order, so rows, row numbers, messages and the hash are those of a one-thread read.
/// </remarks>
public static class RowLoader
{
    /// <summary>
    /// Reads every row of <paramref name="table"/>, hashes it with <see cref="InputHasher"/>,
    /// validates it with a <see cref="RecordParser"/> and adds the reader's own row problems
    /// (<see cref="ITableRow.TableProblems"/>) before the field problems. Progress is reported
    /// every <see cref="LoadOptions.ProgressInterval"/> rows and once at the end. Throws
    /// <see cref="TableFormatException"/> when the file turns out broken part-way (unless a strict
    /// load has already stopped at an earlier bad row).
    /// </summary>
    public static LoadResult Load(InputTable table, LoadOptions? options = null, IProgress<LoadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var collector = new LoadCollector(table, options ?? LoadOptions.Default, progress);
        return Load(table, collector);
    }

    /// <summary>
    /// As <see cref="Load(InputTable, LoadOptions?, IProgress{LoadProgress}?)"/>, but every row goes
    /// to <paramref name="sink"/>, in row order on the calling thread, and the result's
    /// <see cref="LoadResult.Rows"/> is empty. An exception of the sink ends the load (after the
    /// blocks in flight have finished) and is thrown to the caller.
    /// </summary>
    public static LoadResult Load(InputTable table, IRowSink sink, LoadOptions? options = null, IProgress<LoadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(sink);
        using var collector = new LoadCollector(table, options ?? LoadOptions.Default, progress, sink);
        return Load(table, collector);
    }

    private static LoadResult Load(InputTable table, LoadCollector collector)
    {
        var parsers = new ConcurrentBag<RecordParser>();
        var pending = new Queue<(RowBlock Block, Task Work)>();
        var free = new Stack<RowBlock>();

        // Enough blocks in flight to keep every core busy while the reader runs ahead, few enough to bound memory.
        var maxInFlight = (2 * Environment.ProcessorCount) + 1;
        var block = new RowBlock();
        var runs = new RecordRun { Room = RowBlock.Capacity };
        try
        {
            // A null row is a run of plain CSV records in `runs`, split by the block's worker.
            foreach (var row in table.ReadRowsAndRuns(runs))
            {
                if (row is null)
                {
                    block.AddRun(runs);
                }
                else
                {
                    block.Add(row);
                }

                runs.Room = RowBlock.Capacity - block.Count;

                // Blocks are taken as soon as they are done, not only when too many are in flight:
                // a sink that checks rows (an upload's limits) stops the load while the input still arrives.
                while (pending.Count > 0 && pending.Peek().Work.IsCompleted)
                {
                    if (!Take(pending, collector, free))
                    {
                        return collector.Stopped();
                    }
                }

                if (!block.IsFull)
                {
                    continue;
                }

                var full = block;
                pending.Enqueue((full, Task.Run(() => Process(full, parsers))));
                block = free.Count > 0 ? free.Pop() : new RowBlock();
                runs.Room = RowBlock.Capacity;
                while (pending.Count >= maxInFlight)
                {
                    if (!Take(pending, collector, free))
                    {
                        return collector.Stopped();
                    }
                }
            }
        }
        catch (TableFormatException broken)
        {
            // A strict load stops at its first bad row even when the file breaks further on.
            if (TakeAll(pending, block, parsers, collector, free))
            {
                ExceptionDispatchInfo.Throw(broken);
            }

            return collector.Stopped();
        }

        return TakeAll(pending, block, parsers, collector, free) ? collector.Finish() : collector.Stopped();
    }

    /// <summary>Takes the pending blocks and then the last, partly filled one; false when a strict load stopped.</summary>
    private static bool TakeAll(Queue<(RowBlock Block, Task Work)> pending, RowBlock last, ConcurrentBag<RecordParser> parsers, LoadCollector collector, Stack<RowBlock> free)
    {
        while (pending.Count > 0)
        {
            if (!Take(pending, collector, free))
            {
                return false;
            }
        }

        Process(last, parsers);
        return collector.Add(last);
    }

    /// <summary>Waits for the oldest block (running it here if no worker has started it) and collects it.</summary>
    private static bool Take(Queue<(RowBlock Block, Task Work)> pending, LoadCollector collector, Stack<RowBlock> free)
    {
        var (block, work) = pending.Dequeue();
        try
        {
            work.GetAwaiter().GetResult();
            if (!collector.Add(block))
            {
                DrainQuietly(pending);
                return false;
            }
        }
        catch
        {
            DrainQuietly(pending);
            throw;
        }

        block.Clear();
        free.Push(block);
        return true;
    }

    /// <summary>Lets the blocks still in flight finish before the load returns, so no worker outlives it.</summary>
    private static void DrainQuietly(Queue<(RowBlock Block, Task Work)> pending)
    {
        while (pending.Count > 0)
        {
            try
            {
                pending.Dequeue().Work.Wait();
            }
            catch (AggregateException)
            {
                // The block's rows are past the first failure; its error is not the one reported.
            }
        }
    }

    private static void Process(RowBlock block, ConcurrentBag<RecordParser> parsers)
    {
        // A parser per worker at a time: parsers keep a string pool and a problem list and are not thread-safe.
        var parser = parsers.TryTake(out var idle) ? idle : new RecordParser();
        block.Process(parser);
        parsers.Add(parser);
    }
}
