using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;

namespace MuScore.Drills;

/// <summary>
/// <c>concurrent-publish</c>: submits <c>--runs</c> samples of one region and year (different seeds)
/// through the servers in turn, then publishes all of them at once, each through the next server.
/// Then checks what the store recorded (GetRun of each run on the first server): versions 1..K with
/// published_at strictly increasing with the version; and whether every server answers GetRating
/// with the newest version (at once, and how long until all do, polled for up to 10 s).
/// </summary>
internal static class ConcurrentPublishCommand
{
    public static async Task<int> RunAsync(DrillOptions options)
    {
        var servers = options.Servers();
        var region = options.Text("region");
        var year = options.Int("year");
        var runs = options.Int("runs", 20);
        var count = options.Int("n", 200);
        var channels = servers.Select(SampleRuns.Channel).ToList();
        try
        {
            var runIds = new List<string>();
            for (var i = 0; i < runs; i++)
            {
                runIds.Add(await SampleRuns.SubmitAsync(channels[i % channels.Count], region, year, count, seed: 100 + i, CancellationToken.None).ConfigureAwait(false));
            }

            var clock = Stopwatch.StartNew();
            var publications = await Task.WhenAll(runIds.Select((id, i) =>
                Task.Run(() => SampleRuns.PublishAsync(channels[i % channels.Count], id, CancellationToken.None)))).ConfigureAwait(false);
            var publishSeconds = clock.Elapsed.TotalSeconds;

            // What the store recorded, run by run (GetRun). A run older than the one in force is
            // published as a rollback (a flag of the publication): still a version like any other.
            var recorded = await RecordedAsync(channels[0], runIds).ConfigureAwait(false);
            var versions = recorded.Select(p => p.Version).ToList();
            var ordered = versions.SequenceEqual(Enumerable.Range(1, runs))
                && recorded.Zip(recorded.Skip(1)).All(pair => pair.First.PublishedAt.ToDateTimeOffset() < pair.Second.PublishedAt.ToDateTimeOffset());
            var answered = publications.Select(p => p.Version).Order().SequenceEqual(Enumerable.Range(1, runs));
            var newest = versions.Count == 0 ? 0 : versions.Max();

            // An enterprise of the run the newest version published (each run has its own seed, so its own codes).
            var newestRun = recorded.Count == 0 ? runIds[^1] : recorded[^1].RunId;
            var code = SampleRuns.Codes(region, year, count, 100 + runIds.IndexOf(newestRun))[0];
            var atOnce = await NewestEverywhereAsync(channels, region, year, code, newest).ConfigureAwait(false);
            var waited = Stopwatch.StartNew();
            var everywhere = atOnce;
            while (!everywhere && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50).ConfigureAwait(false);
                everywhere = await NewestEverywhereAsync(channels, region, year, code, newest).ConfigureAwait(false);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT concurrent-publish servers={servers.Count} runs={runs} publish_seconds={publishSeconds:F2} versions_answered_1_to_{runs}={Yes(answered)} recorded={versions.Count} rollbacks={recorded.Count(p => p.Rollback)} published_at_strictly_increasing_with_version={Yes(ordered)} newest={newest} newest_on_every_server_at_once={Yes(atOnce)} newest_on_every_server_within_10s={Yes(everywhere)} waited_ms={(atOnce ? 0 : waited.Elapsed.TotalMilliseconds):F0}"));
            foreach (var publication in recorded)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"version {publication.Version} published_at {publication.PublishedAt.ToDateTimeOffset():O} run {publication.RunId[..12]}{(publication.Rollback ? " (rollback)" : string.Empty)}"));
            }

            return ordered && answered && everywhere ? 0 : 1;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    /// <summary>The publications of the drill's runs as the store holds them (GetRun of each), by version.</summary>
    private static async Task<List<Publication>> RecordedAsync(GrpcChannel channel, List<string> runIds)
    {
        var evaluation = new EvaluationService.EvaluationServiceClient(channel);
        var publications = new List<Publication>();
        foreach (var id in runIds)
        {
            publications.AddRange((await evaluation.GetRunAsync(new GetRunRequest { RunId = id }).ConfigureAwait(false)).Publications);
        }

        return [.. publications.OrderBy(p => p.Version)];
    }

    private static async Task<bool> NewestEverywhereAsync(List<GrpcChannel> channels, string region, int year, string code, int newest)
    {
        foreach (var channel in channels)
        {
            try
            {
                var response = await new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = region, Year = year, CreditCode = code }).ConfigureAwait(false);
                if (response.Rating.Version != newest)
                {
                    return false;
                }
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
            {
                // The code is only in the newest run: an older pointer does not know it.
                return false;
            }
        }

        return true;
    }
}
