using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MuScore.Server.Telemetry;

/// <summary>
/// The server's own instruments (meter <see cref="MeterName"/>; docs/observability.md lists them).
/// Created through the host's <see cref="IMeterFactory"/>, so two servers in one process (the
/// tests) keep apart. Tags are pre-built: recording on the hot path allocates nothing, and while
/// no exporter listens an instrument's Add/Record returns at once. Tags are low-cardinality by
/// construction: never a credit code, a caller, or any text a caller sent.
/// </summary>
internal sealed class ServerMetrics
{
    /// <summary>Name of the meter (and of the activity source, <see cref="ServerTracing"/>).</summary>
    public const string MeterName = "MuScore.Server";

    // Seconds, from a hot-cache read (tens of microseconds) to a province-sized publish.
    private static readonly double[] SecondsBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    private static readonly long[] CountBuckets = [10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

    private static readonly KeyValuePair<string, object?>[][] LookupTags = BuildLookupTags();

    private static readonly KeyValuePair<string, object?>[] RedisTags = [new("muscore.dependency", "redis")];
    private static readonly KeyValuePair<string, object?>[] DatabaseTags = [new("muscore.dependency", "database")];

    private readonly Counter<long> lookups;
    private readonly Counter<long> dependencyFailures;
    private readonly Histogram<double> publishDuration;
    private readonly Histogram<long> publishRatings;
    private readonly Counter<long> uploadSize;
    private readonly Counter<long> uploadRecords;
    private readonly Counter<long> auditFailures;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        RpcDuration = Meter.CreateHistogram(
            "muscore.rpc.duration",
            "s",
            "Duration of each gRPC call the server answered, by method and final gRPC status.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        StaleAnswers = Meter.CreateCounter<long>("muscore.rpc.stale_answers", "{answer}", "Answers marked possibly stale (served from the last known publication while the database was down).");
        lookups = Meter.CreateCounter<long>("muscore.cache.lookups", "{lookup}", "Rating lookups per cache layer (memory, redis, database) and result (hit, miss).");
        dependencyFailures = Meter.CreateCounter<long>("muscore.dependency.failures", "{failure}", "Failed calls to a dependency (redis, database), each one, not only the first of an outage.");
        publishDuration = Meter.CreateHistogram(
            "muscore.publish.duration",
            "s",
            "Duration of PublishRun from the store's commit through cache invalidation, by outcome.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        publishRatings = Meter.CreateHistogram(
            "muscore.publish.ratings",
            "{rating}",
            "Ratings made current by each publication.",
            tags: null,
            new InstrumentAdvice<long> { HistogramBucketBoundaries = CountBuckets });
        uploadSize = Meter.CreateCounter<long>("muscore.upload.size", "By", "Bytes of SubmitRun messages read from uploads that were stored.");
        uploadRecords = Meter.CreateCounter<long>("muscore.upload.records", "{record}", "Enterprise records read from uploads that were stored.");
        auditFailures = Meter.CreateCounter<long>("muscore.audit.append_failures", "{entry}", "Audit entries that could not be appended to the hash chain, by reason (unavailable, error).");
    }

    /// <summary>Layers of the read path, in the order a lookup tries them.</summary>
    public enum Layer
    {
        Memory = 0,
        Redis = 1,
        Database = 2,
    }

    public Meter Meter { get; }

    /// <summary>Recorded by <see cref="RpcMetricsInterceptor"/>.</summary>
    public Histogram<double> RpcDuration { get; }

    /// <summary>Recorded by <see cref="RpcMetricsInterceptor"/>.</summary>
    public Counter<long> StaleAnswers { get; }

    /// <summary>Counts <paramref name="hits"/> hits and <paramref name="misses"/> misses of one layer.</summary>
    public void Lookups(Layer layer, int hits, int misses)
    {
        if (hits > 0)
        {
            lookups.Add(hits, LookupTags[(int)layer * 2]);
        }

        if (misses > 0)
        {
            lookups.Add(misses, LookupTags[((int)layer * 2) + 1]);
        }
    }

    /// <summary>Counts one lookup of one layer.</summary>
    public void Lookup(Layer layer, bool hit) => lookups.Add(1, LookupTags[((int)layer * 2) + (hit ? 0 : 1)]);

    public void DependencyFailed(bool database) => dependencyFailures.Add(1, database ? DatabaseTags : RedisTags);

    public void Published(TimeSpan elapsed, string outcome, int ratings)
    {
        var tags = new TagList { { "muscore.publish.outcome", outcome } };
        publishDuration.Record(elapsed.TotalSeconds, tags);
        if (ratings > 0)
        {
            publishRatings.Record(ratings);
        }
    }

    public void Uploaded(long bytes, int records)
    {
        uploadSize.Add(bytes);
        uploadRecords.Add(records);
    }

    public void AuditAppendFailed(bool unavailable) =>
        auditFailures.Add(1, new KeyValuePair<string, object?>("muscore.audit.reason", unavailable ? "unavailable" : "error"));

    private static KeyValuePair<string, object?>[][] BuildLookupTags()
    {
        string[] layers = ["memory", "redis", "database"];
        var tags = new KeyValuePair<string, object?>[layers.Length * 2][];
        for (var i = 0; i < layers.Length; i++)
        {
            tags[i * 2] = [new("muscore.cache.layer", layers[i]), new("muscore.cache.result", "hit")];
            tags[(i * 2) + 1] = [new("muscore.cache.layer", layers[i]), new("muscore.cache.result", "miss")];
        }

        return tags;
    }
}
