using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Core.Schemes;
using MuScore.Store;

namespace MuScore.Bench.Profiling;

/// <summary>
/// The server's steps of a large upload after the rating, without the upload around them:
/// <c>loop draft N PASSES</c> times <see cref="DraftRunBuilder.From"/> of one rated run, with
/// collections and without (a no-GC region, measured in session 7 and not kept), each pass: since
/// session 8 an index pass, the ratings being built as the save reads them (RunRatings);
/// <c>loop save N PASSES</c> saves that draft, building and encoding its ratings, into a fresh SQLite file each pass
/// (<see cref="IRatingStore.SaveDraftAsync"/>, then the publish) and prints the times, the CPU of
/// the process and the sizes of the database file and its WAL when the save returns. N generated
/// enterprises of region 331082 rated under zj-standard for 2024 (seed 42).
/// </summary>
internal static class SaveLoop
{
    private const string Region = "331082";

    public static int Run(string mode, int n, int passes)
    {
        var rows = SampleGenerator.GenerateRecords(new SampleOptions { Count = n, Seed = 42, Year = 2024, Regions = [Region] })
            .Select((record, i) => ParsedRow.Valid(i + 2, record))
            .ToArray();
        var run = RatingEngine.Rate(new RatingRequest
        {
            Scheme = SchemePresets.Get("zj-standard"),
            Year = 2024,
            Region = Region,
            Rows = rows,
            InputHash = "bench",
        });
        rows = [];
        var createdAt = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        if (mode == "draft")
        {
            // Each pass drafts twice, as before and as the server now does, the order alternating.
            for (var pass = 1; pass <= passes; pass++)
            {
                DraftOnce(pass, run, n, createdAt, noCollections: pass % 2 == 0);
                DraftOnce(pass, run, n, createdAt, noCollections: pass % 2 == 1);
            }

            return 0;
        }

        var draft = DraftRunBuilder.From(run, Region, 2024, createdAt, "bench");
        run = null;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        for (var pass = 1; pass <= passes; pass++)
        {
            SaveOnce(pass, draft).GetAwaiter().GetResult();
        }

        return 0;
    }

    /// <summary>
    /// One draft after a compacting collection, with collections or inside a no-GC region with
    /// room for 768 bytes a row (measured, not kept in the server: docs/benchmarks.md; the
    /// region's own full collection is in the time), then the compaction the server runs after it.
    /// </summary>
    private static void DraftOnce(int pass, RatingRun run, int n, DateTimeOffset createdAt, bool noCollections)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var before = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var held = false;
        var (wall, cpu) = Timed(() =>
        {
            held = noCollections && GC.TryStartNoGCRegion(768L * n);
            var built = DraftRunBuilder.From(run, Region, 2024, createdAt, "bench");
            if (held && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }

            return built;
        });
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var collections = string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0) - before.Item1}/{GC.CollectionCount(1) - before.Item2}/{GC.CollectionCount(2) - before.Item3}");
        var (compactWall, compactCpu) = Timed(() =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return pass;
        });
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pass {pass}, {(held ? "no-GC region" : "collections ")}: draft wall {wall:F0} ms, cpu {cpu:F0} ms, collections (gen 0/1/2) {collections}, allocated {allocated / (double)n:F0} B/row; compaction after it wall {compactWall:F0} ms, cpu {compactCpu:F0} ms"));
    }

    private static async Task SaveOnce(int pass, DraftRun draft)
    {
        var folder = Directory.CreateTempSubdirectory("muscore-save-loop.");
        try
        {
            var file = Path.Combine(folder.FullName, "muscore.db");
            var store = RatingStoreFactory.Create(new RatingStoreOptions { ConnectionString = $"Data Source={file}" });
            await using ((IAsyncDisposable)store)
            {
                await store.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
                var (save, saveCpu) = await TimedAsync(() => store.SaveDraftAsync(draft, CancellationToken.None)).ConfigureAwait(false);
                var wal = new FileInfo(file + "-wal").Length;
                var request = new PublishRequest(draft.RunId, draft.CreatedAt, "bench", null);
                var (publish, publishCpu) = await TimedAsync(() => store.PublishAsync(request, CancellationToken.None)).ConfigureAwait(false);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"pass {pass}: save wall {save:F0} ms, cpu {saveCpu:F0} ms; publish wall {publish:F0} ms, cpu {publishCpu:F0} ms; WAL after the save {wal / 1048576.0:F0} MiB"));
                await ReadAsync(store, draft).ConfigureAwait(false);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        database after the checkpoint {new FileInfo(file).Length / 1048576.0:F0} MiB"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// What readers of the published run wait for: 200 lookups of 1,000 random codes (after the
    /// publication's own lookup), as the policy and rating services ask, and one full listing.
    /// </summary>
    private static async Task ReadAsync(IRatingStore store, DraftRun draft)
    {
        var random = new Random(7);
        var lookups = new double[200];
        for (var round = 0; round < lookups.Length; round++)
        {
            var codes = Enumerable.Range(0, 1000).Select(_ => draft.Ratings[random.Next(draft.Ratings.Count)].CreditCode).ToHashSet(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            var publication = await store.GetLatestPublicationAsync(Region, 2024, CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the run was not published");
            var found = await store.GetRatingsAsync(publication, codes, CancellationToken.None).ConfigureAwait(false);
            lookups[round] = clock.Elapsed.TotalMilliseconds;
            if (found.Count != codes.Count)
            {
                throw new InvalidOperationException($"found {found.Count} of {codes.Count} codes");
            }
        }

        Array.Sort(lookups);
        var latest = await store.GetLatestPublicationAsync(Region, 2024, CancellationToken.None).ConfigureAwait(false);
        var listing = Stopwatch.StartNew();
        var listed = 0;
        await foreach (var rating in store.ListRatingsAsync(latest!, new RatingFilter([], [], []), CancellationToken.None).ConfigureAwait(false))
        {
            listed += rating.CreditCode.Length > 0 ? 1 : 0;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"        1,000-code lookup p50 {lookups[100]:F1} ms, p99 {lookups[197]:F1} ms; list {listed:N0} in {listing.Elapsed.TotalMilliseconds:F0} ms"));
    }

    private static (double Wall, double Cpu) Timed(Func<object> body)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(body());
        return (clock.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static async Task<(double Wall, double Cpu)> TimedAsync<T>(Func<Task<T>> body)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(await body().ConfigureAwait(false));
        return (clock.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }
}
