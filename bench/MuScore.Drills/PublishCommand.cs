using System.Diagnostics;
using System.Globalization;
using Grpc.Core;

namespace MuScore.Drills;

/// <summary>
/// <c>publish</c>: submits and publishes one sample, printing the status (OK or the gRPC code of the
/// refusal). With <c>--retry-seconds S</c> it tries again every half second until one succeeds or S
/// pass, and prints how long that took: the time to the first successful publish.
/// </summary>
internal static class PublishCommand
{
    public static async Task<int> RunAsync(DrillOptions options)
    {
        var server = options.Servers()[0];
        var region = options.Text("region");
        var year = options.Int("year");
        var count = options.Int("n");
        var seed = options.Int("seed", 1);
        var retry = options.Seconds("retry-seconds", 0);
        using var channel = SampleRuns.Channel(server);
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        var statuses = new List<StatusCode>();
        while (true)
        {
            attempts++;
            var (status, publication) = await SampleRuns.TrySubmitAndPublishAsync(channel, region, year, count, seed, CancellationToken.None).ConfigureAwait(false);
            statuses.Add(status);
            if (status == StatusCode.OK || clock.Elapsed.TotalSeconds >= retry)
            {
                var published = publication is null ? string.Empty
                    : string.Create(CultureInfo.InvariantCulture, $" version={publication.Version} published_at={publication.PublishedAt.ToDateTimeOffset():O}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RESULT publish status={status} attempts={attempts} seconds={clock.Elapsed.TotalSeconds:F2} first_status={statuses[0]}{published}"));
                return 0;
            }

            await Task.Delay(500).ConfigureAwait(false);
        }
    }
}
