using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Core.Sampling;
using MuScore.LoadBench.Common;
using MuScore.LoadBench.Setup;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// GetRating over many distinct enterprises in random order, the load a publish meets when every
/// client asks for its own enterprise (h2load sends one body, so one hot key). With --publish true
/// it first submits and publishes the N generated enterprises, waits --delay seconds, then loads;
/// without, it only generates the same codes, for driving the bare baseline with the same client
/// and the same settings, like for like. Prints requests/s over the whole run and per 5 s window,
/// and latency percentiles; every MuScore answer is checked to be the rating asked for.
/// </summary>
internal static class DistinctCommand
{
    private const int WindowSeconds = 5;

    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server();
        var sample = new SampleOptions
        {
            Count = options.Int("n", 100_000, max: 2_000_000),
            Seed = options.Int("seed", 7),
            Year = options.Int("year", 2025, 1990, 2100),
            Regions = [options.Text("region", "331082")],
        };
        var publish = options.Flag("publish");
        var check = options.Flag("check");
        var seconds = options.Int("seconds", 30);
        var delay = options.Int("delay", 1, min: 0);
        var connections = options.Int("connections", 4);
        var streams = options.Int("streams", 32);

        var warmupYear = options.Int("warmup-year", sample.Year - 1, 1990, 2100);
        var warmupSeconds = options.Int("warmup-seconds", 0, min: 0);

        var codes = new List<string>(sample.Count);
        var batches = SampleRecords.Batches(sample, codes);
        var order = codes.ToArray();
        new Random(unchecked((int)sample.Seed)).Shuffle(order);
        var channels = Enumerable.Range(0, connections).Select(_ => OwnConnection(server)).ToArray();
        try
        {
            if (warmupSeconds > 0)
            {
                // The client's own JIT and connections, on a publication already there: nothing of the measured one is read.
                await new Load(Requests(order, sample.Regions[0], warmupYear), check: false, warmupSeconds).RunAsync(channels, streams).ConfigureAwait(false);
            }

            if (publish)
            {
                using var channel = Channels.Open(server);
                await PublishTimer.RunAsync(channel, sample, options.Text("scheme", "zj-standard"), batches).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(delay)).ConfigureAwait(false);
            }

            batches.Clear();
            var load = new Load(Requests(order, sample.Regions[0], sample.Year), check, seconds);
            await load.RunAsync(channels, streams).ConfigureAwait(false);
            load.Report(sample.Count, connections, streams, publish ? delay : -1);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }

        return ExitCodes.Ok;
    }

    private static GetRatingRequest[] Requests(string[] codes, string region, int year) =>
        Array.ConvertAll(codes, code => new GetRatingRequest { Region = region, CreditCode = code, Year = year });

    // One HTTP/2 connection per channel, as h2load -c opens; -m streams become concurrent callers.
    private static GrpcChannel OwnConnection(Uri server) =>
        GrpcChannel.ForAddress(server, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler(), DisposeHttpClient = true });

    private sealed class Load(GetRatingRequest[] requests, bool check, int seconds)
    {
        private readonly long[] perWindow = new long[(seconds + WindowSeconds - 1) / WindowSeconds];
        private readonly List<List<double>> latencies = [];
        private readonly Stopwatch clock = new();
        private readonly TimeSpan duration = TimeSpan.FromSeconds(seconds);
        private long next = -1;
        private long failures;
        private string? firstFailure;

        public Task RunAsync(GrpcChannel[] channels, int streams)
        {
            clock.Start();
            return Task.WhenAll(channels.SelectMany(c => Enumerable.Range(0, streams).Select(_ => WorkAsync(new RatingService.RatingServiceClient(c)))));
        }

        private async Task WorkAsync(RatingService.RatingServiceClient client)
        {
            var mine = new List<double>(1 << 16);
            lock (latencies)
            {
                latencies.Add(mine);
            }

            while (clock.Elapsed < duration)
            {
                var request = requests[Interlocked.Increment(ref next) % requests.Length];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.GetRatingAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false);
                    if (check && response.Rating?.CreditCode != request.CreditCode)
                    {
                        Fail(Text($"asked for {request.CreditCode}, got {response.Rating?.CreditCode ?? "no rating"}"));
                        continue;
                    }
                }
                catch (RpcException e)
                {
                    Fail(Text($"{request.CreditCode}: {e.StatusCode} {e.Status.Detail}"));
                    continue;
                }

                var end = Stopwatch.GetTimestamp();
                var at = clock.Elapsed;
                if (at < duration)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
                    Interlocked.Increment(ref perWindow[(int)(at.TotalSeconds / WindowSeconds)]);
                }
            }
        }

        public void Report(int keys, int connections, int streams, int delay)
        {
            if (failures > 0)
            {
                throw new BenchFailure(Text($"{failures} calls failed; the first: {firstFailure}"));
            }

            var all = latencies.SelectMany(l => l).ToArray();
            var p = Percentiles.Of(all);
            var rps = all.Length / duration.TotalSeconds;
            var windows = string.Join(" ", perWindow.Select(count => Text($"{count / (double)WindowSeconds:F0}")));
            var after = delay < 0 ? "no publish" : Text($"starting {delay} s after a publish");
            Console.WriteLine(Text($"GetRating over {keys} distinct keys in random order, {connections} connections x {streams} streams, {duration.TotalSeconds:F0} s, {after}: {rps:F0} requests/s, p50 {p.P50:F2} ms, p99 {p.P99:F2} ms, max {p.Max:F2} ms"));
            Console.WriteLine(Text($"requests/s per {WindowSeconds} s window: {windows}"));
            Console.WriteLine(Text($"RESULT distinct keys={keys} rps={rps:F0} p50_ms={p.P50:F2} p99_ms={p.P99:F2} max_ms={p.Max:F2} windows={windows.Replace(' ', ',')}"));
        }

        private void Fail(string reason)
        {
            if (Interlocked.Increment(ref failures) == 1)
            {
                firstFailure = reason;
            }
        }
    }
}
