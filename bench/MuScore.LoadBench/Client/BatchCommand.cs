using System.Diagnostics;
using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// Latency of BatchGetRatings as a pricing system sees it: sequential calls of N published codes
/// from one .NET client, after a warm-up. The calls rotate over consecutive windows of N codes of
/// the codes file, and every answer is checked (one rating per code, in request order).
/// </summary>
internal static class BatchCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server();
        var size = options.Int("n", 1_000, max: 1_000);
        var calls = options.Int("calls", 500);
        var warmup = options.Int("warmup", 50, min: 0);
        var region = options.Text("region", "331082");
        var year = options.Int("year", 2024, 1990, 2100);
        var codes = await File.ReadAllLinesAsync(options.Text("codes")).ConfigureAwait(false);
        var windows = codes.Length / size;
        if (windows == 0)
        {
            throw new OptionException(Text($"the codes file holds {codes.Length} codes, fewer than --n {size}"));
        }

        var requests = Enumerable.Range(0, windows).Select(w =>
        {
            var request = new BatchGetRatingsRequest { Region = region, Year = year };
            request.CreditCodes.Add(codes.Skip(w * size).Take(size));
            return request;
        }).ToArray();

        using var channel = Channels.Open(server);
        var client = new RatingService.RatingServiceClient(channel);
        for (var i = 0; i < warmup; i++)
        {
            await CallAsync(client, requests[i % windows]).ConfigureAwait(false);
        }

        var latencies = new double[calls];
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        for (var i = 0; i < calls; i++)
        {
            latencies[i] = await CallAsync(client, requests[i % windows]).ConfigureAwait(false);
        }

        // The client parses each ~750 kB answer too; its collections are one suspect for the tail.
        Console.WriteLine(Text($"client GCs while measuring: gen0 {GC.CollectionCount(0) - collections.Item1}, gen1 {GC.CollectionCount(1) - collections.Item2}, gen2 {GC.CollectionCount(2) - collections.Item3}"));
        var p = Percentiles.Of(latencies);
        Console.WriteLine(Text($"BatchGetRatings of {size} codes ({windows} code sets), {calls} sequential calls after {warmup} warm-up calls: p50 {p.P50:F2} ms, p99 {p.P99:F2} ms, max {p.Max:F2} ms, mean {p.Mean:F2} ms"));
        Console.WriteLine(Text($"RESULT batch n={size} calls={calls} p50_ms={p.P50:F2} p99_ms={p.P99:F2} max_ms={p.Max:F2} mean_ms={p.Mean:F2}"));
        return ExitCodes.Ok;
    }

    /// <summary>One call, checked; its latency in milliseconds.</summary>
    private static async Task<double> CallAsync(RatingService.RatingServiceClient client, BatchGetRatingsRequest request)
    {
        var start = Stopwatch.GetTimestamp();
        var response = await client.BatchGetRatingsAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.Entries.Count != request.CreditCodes.Count)
        {
            throw new BenchFailure(Text($"asked for {request.CreditCodes.Count} codes, got {response.Entries.Count} entries"));
        }

        for (var i = 0; i < response.Entries.Count; i++)
        {
            var entry = response.Entries[i];
            if (entry.CreditCode != request.CreditCodes[i] || entry.Rating?.CreditCode != request.CreditCodes[i])
            {
                throw new BenchFailure(Text($"entry {i} should be the published rating of {request.CreditCodes[i]}, got {entry}"));
            }
        }

        return elapsed;
    }
}
