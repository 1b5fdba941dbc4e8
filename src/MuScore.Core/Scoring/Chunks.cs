namespace MuScore.Core.Scoring;

/// <summary>
/// Splits 0..n into contiguous chunks run in parallel. More chunks than cores, so a core that
/// another process holds back does not leave the rest waiting on its one big chunk; none smaller
/// than <see cref="Minimum"/>, so small pools stay on one thread.
/// </summary>
internal static class Chunks
{
    /// <summary>The smallest chunk. Settable so tests can run small tables through the parallel paths.</summary>
    internal static int Minimum { get; set; } = 32_768;

    public static int CountFor(int n) => Math.Max(1, Math.Min(4 * Environment.ProcessorCount, n / Minimum));

    /// <summary>Runs <paramref name="body"/>(chunk, start, end) for each of <paramref name="chunks"/> chunks of 0..n.</summary>
    public static void For(int n, int chunks, Action<int, int, int> body)
    {
        if (chunks == 1)
        {
            body(0, 0, n);
            return;
        }

        Parallel.For(0, chunks, c => body(c, Start(n, chunks, c), Start(n, chunks, c + 1)));
    }

    /// <summary>Where chunk <paramref name="c"/> of <paramref name="chunks"/> starts (c = chunks gives n).</summary>
    public static int Start(int n, int chunks, int c) => (int)((long)n * c / chunks);
}
