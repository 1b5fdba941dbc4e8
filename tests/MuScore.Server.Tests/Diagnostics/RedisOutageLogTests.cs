using Microsoft.Extensions.Logging;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Diagnostics;

/// <summary>What an operator reads while Redis dies and comes back: one line each way, not one per request.</summary>
public sealed class RedisOutageLogTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2024;
    private const int Reads = 40;

    private readonly TempDirectory directory = new();
    private RedisServer? redis;

    private RedisServer Redis => redis!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GetRating_RedisKilledThenBack_OneWarningOneBackAndNoPollyInformation()
    {
        var logs = new CapturedLogs();
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("logs.db")) with
        {
            RedisConnectionString = Redis.ConnectionString,
            CacheEnabled = false,
            Logs = logs,
            Configuration = new Dictionary<string, string?>
            {
                // Information everywhere, Polly included, so its per-call line would be seen if it were still Information.
                ["Logging:LogLevel:Default"] = "Information",
                ["MuScore:Redis:BreakDuration"] = "00:00:01",
                ["MuScore:Redis:ReconnectMaxInterval"] = "00:00:00.500",
            },
        });
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 10);
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), records);
        await ReadAsync(server, region, records);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information && e.Category.StartsWith("Polly", StringComparison.Ordinal));

        // A cold first call may time out and log its own down; while the breaker it opened is open, reads skip
        // Redis and nothing logs the way back. Read until every down has its back, so the outage starts from "up".
        var settled = await Eventually.TrueAsync(
            async () =>
            {
                await ReadAsync(server, region, records);
                return logs.Named("DependencyDown").Count == logs.Named("DependencyBack").Count;
            },
            TimeSpan.FromSeconds(15));
        Assert.True(settled, "Redis was still logged as down 15 s after a cold start");
        var start = logs.Entries.Count;

        Redis.Kill();
        for (var round = 0; round < Reads / records.Count; round++)
        {
            await ReadAsync(server, region, records);
        }

        var outage = logs.Entries.Skip(start).ToList();
        var down = Assert.Single(outage, e => e.EventName == "DependencyDown");
        Assert.Equal(LogLevel.Warning, down.Level);
        Assert.StartsWith("Redis is down: ", down.Message, StringComparison.Ordinal);
        Assert.Null(down.Exception);
        Assert.Equal([down], outage.Where(e => e.Level >= LogLevel.Warning));
        Assert.All(outage, e => Assert.Null(e.Exception));

        await Redis.RestartAsync();
        var back = await Eventually.TrueAsync(
            async () =>
            {
                await ReadAsync(server, region, records);
                return logs.Entries.Skip(start).Any(e => e.EventName == "DependencyBack");
            },
            TimeSpan.FromSeconds(15));
        Assert.True(back, "no \"Redis is back\" line 15 s after Redis came back");
        await ReadAsync(server, region, records);

        // A reconnecting multiplexer may fail one more call after its first answer (a real flap, logged as
        // such); what must hold is that the lines are transitions, not one per request, and end on "back".
        var after = logs.Entries.Skip(start).ToList();
        var transitions = after.Where(e => e.EventName is "DependencyDown" or "DependencyBack").ToList();
        Assert.Equal("Redis is back", transitions[^1].Message);
        Assert.InRange(transitions.Count, 2, 4);
        Assert.All(after, e => Assert.Null(e.Exception));
        Assert.DoesNotContain(after, e => e.Level >= LogLevel.Information && e.Category.StartsWith("Polly", StringComparison.Ordinal));
    }

    private static async Task ReadAsync(ServerInstance server, string region, List<EnterpriseRecord> records)
    {
        foreach (var record in records)
        {
            var answer = await server.Ratings.GetRatingAsync(
                new GetRatingRequest { CreditCode = record.CreditCode, Region = region, Year = Year },
                deadline: DateTime.UtcNow.AddSeconds(5));
            Assert.Equal(record.CreditCode, answer.Rating.CreditCode);
        }
    }
}
