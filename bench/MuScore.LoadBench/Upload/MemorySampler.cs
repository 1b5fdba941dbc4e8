namespace MuScore.LoadBench.Upload;

/// <summary>
/// Samples another process's resident memory every <see cref="Interval"/> on its own thread while
/// a measurement runs, keeping the highest VmRSS seen. VmHWM is the exact peak since the process
/// started; the sampled maximum shows the peak of this measurement alone.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private long maxRssKib;

    public MemorySampler(int pid)
    {
        this.pid = pid;
        thread = new Thread(Loop) { IsBackground = true, Name = "rss-sampler" };
        thread.Start();
    }

    /// <summary>The highest VmRSS sampled so far, KiB.</summary>
    public long MaxRssKib => Interlocked.Read(ref maxRssKib);

    /// <summary>Stops sampling; returns the highest VmRSS sampled.</summary>
    public long Stop()
    {
        stop.Cancel();
        thread.Join();
        return MaxRssKib;
    }

    public void Dispose()
    {
        if (!stop.IsCancellationRequested)
        {
            Stop();
        }

        stop.Dispose();
    }

    private void Loop()
    {
        while (!stop.IsCancellationRequested)
        {
            var rss = MemoryReading.Of(pid).RssKib;
            if (rss > Interlocked.Read(ref maxRssKib))
            {
                Interlocked.Exchange(ref maxRssKib, rss);
            }

            stop.Token.WaitHandle.WaitOne(Interval);
        }
    }
}
