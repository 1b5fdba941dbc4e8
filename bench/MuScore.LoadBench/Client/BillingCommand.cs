using System.Diagnostics;
using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;
using MuScore.LoadBench.Setup;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// A billing run as a utility's billing system makes it: N enterprises quoted through QuoteTariffs
/// in calls of up to 10,000, one call at a time or several in parallel, timed from the first
/// request sent to the last answer received (requests are built before the clock starts; each
/// answer is checked as it arrives, as a billing system would consume it). Repeated --runs times
/// on the same connection: on a freshly started server the first run is the cold one.
/// </summary>
internal static class BillingCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server();
        var region = options.Text("region");
        var date = options.Text("billing-date", QuoteCapture.TodayInChina());
        var count = options.Int("n", 100_000);
        var callSize = options.Int("call-size", 2_500, max: 2_500);
        var parallel = options.Int("parallel", 1, max: 16);
        var runs = options.Int("runs", 1);
        var label = options.Text("label", "billing");
        var codes = await File.ReadAllLinesAsync(options.Text("codes")).ConfigureAwait(false);
        if (codes.Length < count)
        {
            throw new OptionException(Text($"the codes file holds {codes.Length} codes, fewer than --n {count}"));
        }

        var requests = codes.Take(count).Chunk(callSize).Select(chunk =>
        {
            var request = new QuoteTariffsRequest();
            request.Items.Add(chunk.Select(code => QuoteCapture.Request(code, region, date)));
            return request;
        }).ToArray();

        using var channel = Channels.Open(server);
        var client = new PolicyService.PolicyServiceClient(channel);
        for (var run = 1; run <= runs; run++)
        {
            var tally = new BillingTally();
            var next = -1;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, Math.Min(parallel, requests.Length)).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < requests.Length; i = Interlocked.Increment(ref next))
                {
                    var start = clock.Elapsed;
                    var response = await client.QuoteTariffsAsync(requests[i], deadline: DateTime.UtcNow.AddMinutes(5)).ConfigureAwait(false);
                    tally.Add(requests[i], response, (clock.Elapsed - start).TotalMilliseconds);
                }
            }).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            var wall = clock.Elapsed.TotalSeconds;

            Console.WriteLine(Text($"{label} run {run}: {count} quotes in {requests.Length} QuoteTariffs calls of up to {callSize}, {parallel} in parallel: {wall:F3} s, {count / wall:F0} quotes/s; {tally}"));
            Console.WriteLine(Text($"RESULT billing label={label} run={run} parallel={parallel} quotes={count} calls={requests.Length} call_size={callSize} wall_s={wall:F3} quotes_per_s={count / wall:F0} quoted={tally.Quoted} none_applies={tally.NoneApplies} no_rating={tally.NoRating} mean_call_ms={tally.MeanCallMs:F1} max_call_ms={tally.MaxCallMs:F1}"));
        }

        return ExitCodes.Ok;
    }
}
