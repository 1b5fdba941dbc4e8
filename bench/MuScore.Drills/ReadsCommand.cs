using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.Drills;

/// <summary>
/// GetRating over the sample's codes, in turn, from several concurrent callers for a set time (or
/// until a stop file appears); every answer counted by its gRPC status, and possibly stale ones
/// apart. Prints <c>RESULT reads total=… ok=… stale=… failed=… statuses=…</c>.
/// </summary>
internal static class ReadsCommand
{
    public static async Task<int> RunAsync(DrillOptions options)
    {
        var server = options.Servers()[0];
        var region = options.Text("region");
        var year = options.Int("year");
        var codes = SampleRuns.Codes(region, year, options.Int("n"), options.Int("seed", 1));
        var seconds = options.Seconds("seconds", 10);
        var stopFile = options.Text("stop-file", string.Empty);
        var concurrency = options.Int("concurrency", 8);
        using var channel = SampleRuns.Channel(server);
        var ratings = new RatingService.RatingServiceClient(channel);
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        var next = -1;

        bool Going() => clock.Elapsed.TotalSeconds < seconds && (stopFile.Length == 0 || !File.Exists(stopFile));

        async Task CallerAsync()
        {
            while (Going())
            {
                var code = codes[(int)((uint)Interlocked.Increment(ref next) % (uint)codes.Count)];
                try
                {
                    var response = await ratings.GetRatingAsync(
                        new GetRatingRequest { Region = region, Year = year, CreditCode = code },
                        deadline: DateTime.UtcNow.AddSeconds(5)).ConfigureAwait(false);
                    tally.Answered(response.PossiblyStale ? "OK-stale" : "OK");
                }
                catch (RpcException exception)
                {
                    tally.Answered(exception.StatusCode.ToString());
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(CallerAsync))).ConfigureAwait(false);
        var counts = tally.Counts();
        var ok = counts.GetValueOrDefault("OK");
        var stale = counts.GetValueOrDefault("OK-stale");
        var total = counts.Values.Sum();
        var statuses = string.Join(',', counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}:{c.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT reads total={total} ok={ok} stale={stale} failed={total - ok - stale} seconds={clock.Elapsed.TotalSeconds:F1} statuses={statuses}"));
        return 0;
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

        public void Answered(string status)
        {
            lock (counts)
            {
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        }

        public Dictionary<string, long> Counts()
        {
            lock (counts)
            {
                return new Dictionary<string, long>(counts, StringComparer.Ordinal);
            }
        }
    }
}
