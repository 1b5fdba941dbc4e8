namespace MuScore.Ingest;

/// <summary>What the writers of an <see cref="OrderedBlockRing{TSlot}"/> share about their workers.</summary>
public static class BlockWorkers
{
    /// <summary>Waits for the workers after the writer failed, leaving the first failure to the one already thrown.</summary>
    public static void WaitQuietly(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // The first failure is already on its way to the caller.
        }
    }
}
