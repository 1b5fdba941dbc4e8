using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Telemetry;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Telemetry;

/// <summary>
/// deploy/prometheus/alerts.yml names only metrics the server has: every <c>muscore_*</c> series of
/// the rules is one of the Prometheus series of the server's instruments, and that mapping from
/// instruments to series is itself checked against a real scrape after traffic.
/// </summary>
public sealed partial class AlertRulesTests : IDisposable
{
    private const int Year = 2024;
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task AlertRules_EveryMetricNamed_IsAServerSeries()
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("a.db")));
        var region = Regions.Next();
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), Records.Sample(region, Year));
        await server.Ratings.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = CoreRatings.Rate(region, Year).Keys.First(), Year = Year });
        var series = ServerSeries(server);

        // The mapping is Prometheus's own: whatever the scrape shows of our meter is among the series computed.
        PrometheusScrape? scrape = null;
        Assert.True(
            await Eventually.TrueAsync(
                async () =>
                {
                    scrape = await PrometheusScrape.ReadAsync(server.MetricsAddress);
                    return scrape.Names.Contains("muscore_publish_duration_seconds_count") && scrape.Names.Contains("muscore_rpc_duration_seconds_count");
                },
                TimeSpan.FromSeconds(30)),
            "the scrape never showed the publish and the read");
        var scraped = scrape!.Names.Where(n => n.StartsWith("muscore_", StringComparison.Ordinal)).ToList();
        Assert.True(scraped.Count >= 10, string.Join(", ", scraped));
        Assert.All(scraped, name => Assert.Contains(name, series));

        var rules = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "prometheus", "alerts.yml"));
        var named = MetricName().Matches(rules).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(named.Count >= 6, string.Join(", ", named));
        Assert.All(named, name => Assert.True(series.Contains(name), $"alerts.yml names {name}, which no instrument of the server exports; it has {string.Join(", ", series.Order(StringComparer.Ordinal))}"));
    }

    /// <summary>The Prometheus series of every instrument of the server's meter, as the exporter names them.</summary>
    private static HashSet<string> ServerSeries(ServerInstance server)
    {
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        var series = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == ServerMetrics.MeterName)
                {
                    lock (series)
                    {
                        series.UnionWith(SeriesOf(instrument));
                    }
                }
            },
        };

        // Start replays the instruments that already exist.
        listener.Start();
        return series;
    }

    private static IEnumerable<string> SeriesOf(Instrument instrument)
    {
        // Units in braces are annotations and add nothing; "s" and "By" add their base unit's name.
        var name = instrument.Name.Replace('.', '_') + instrument.Unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => string.Empty,
        };
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
        {
            return [name + "_total"];
        }

        return type == typeof(Histogram<>) ? [name + "_bucket", name + "_count", name + "_sum"] : [name];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MuScore.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no MuScore.sln above {AppContext.BaseDirectory}");
    }

    // A metric name, not a label name (those are followed by a matcher).
    [GeneratedRegex(@"\bmuscore_[a-z0-9_]+\b(?!\s*(=|!=|=~|!~))")]
    private static partial Regex MetricName();
}
