using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Telemetry;

/// <summary>
/// A read that misses every cache is one trace: the server span, the cache's spans, Redis's
/// command spans and PostgreSQL's, all under the trace id the caller sent. Real PostgreSQL and
/// Redis; the spans are caught by an ActivityListener, as a tracer in the process would be.
/// </summary>
[Collection(AuditPostgres.Name)]
public sealed class TracingTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int Year = 2024;
    private RedisServer? redis;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await redis!.DisposeAsync();

    [Fact]
    public async Task GetRating_MissEverywhere_CacheRedisAndDatabaseSpansUnderTheCallersTrace()
    {
        var database = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("trace"));
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            StoreProvider = Store.StoreProvider.Postgres,
            StoreConnectionString = database,
            RedisConnectionString = redis!.ConnectionString,
            // No warming: it would put the publication in Redis and in process before the read, which must miss everywhere.
            // A generous command timeout: on a loaded machine a GET past 250 ms would shut the Redis gate, skip the
            // write-back and leave no completed command to trace; this test is about spans, not the budget.
            Configuration = new Dictionary<string, string?>
            {
                ["MuScore:Tracing:Enabled"] = "true",
                ["MuScore:Cache:WarmOnPublish"] = "false",
                ["MuScore:Redis:CommandTimeout"] = "00:00:05",
                ["MuScore:Redis:OperationTimeout"] = "00:00:06",
            },
        });
        var region = Regions.Next();
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), Records.Sample(region, Year));
        var code = CoreRatings.Rate(region, Year).Keys.First();

        // A fresh process knows no pointer and no rating: the read asks Redis, then the database.
        await server.RestartAsync();
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var traceparent = $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        await server.Ratings.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code, Year = Year }, new Metadata { { "traceparent", traceparent } });

        // Redis's command spans are written when the instrumentation drains its profiler (every 10 s).
        // At least two: the pointer's GET and the rating's SET, whose key holds the credit code.
        var complete = await Eventually.TrueAsync(
            () => Task.FromResult(spans.Count(s => s.Source.Name == "OpenTelemetry.Instrumentation.StackExchangeRedis") >= 2 && spans.Any(s => s.Source.Name == "Npgsql")),
            TimeSpan.FromSeconds(60));

        var seen = string.Join(", ", spans.Select(s => $"{s.Source.Name}/{s.OperationName}"));
        Assert.True(complete, $"spans of the trace: {seen}");
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        foreach (var name in new[] { "muscore.cache.lookup", "muscore.cache.pointer", "muscore.cache.redis", "muscore.cache.database" })
        {
            var span = Assert.Single(spans, s => s.Source.Name == "MuScore.Server" && s.OperationName == name);
            Assert.Equal(region, span.GetTagItem("muscore.region"));
        }

        // Region and year are fine in a span; the credit code is not, in any span of any source.
        foreach (var span in spans)
        {
            foreach (var tag in span.TagObjects)
            {
                Assert.DoesNotContain(code, tag.Value?.ToString() ?? string.Empty, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(code, span.DisplayName, StringComparison.Ordinal);
        }
    }
}
