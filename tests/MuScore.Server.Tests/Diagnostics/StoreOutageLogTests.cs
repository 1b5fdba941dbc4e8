using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Diagnostics;

/// <summary>What an operator reads while PostgreSQL stops and starts again (the test owns its PostgreSQL).</summary>
public sealed class StoreOutageLogTests : IAsyncLifetime
{
    private const int Year = 2024;
    private const int Reads = 30;

    private PostgresServer? postgres;

    private PostgresServer Postgres => postgres!;

    public async Task InitializeAsync() => postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Postgres.DisposeAsync();

    [Fact]
    public async Task Calls_PostgresStoppedThenBack_OneWarningWithoutStackTraceOneBack()
    {
        var logs = new CapturedLogs();
        var database = await Postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("logs"));
        await using var server = await ServerInstance.StartAsync(ServerSettings.Postgres(database) with
        {
            CacheEnabled = false,
            Logs = logs,
            // A background warming pass after the publish can meet the stopped database and warn
            // on its own; this test is about the lines the outage gives requests, so none runs.
            Configuration = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["MuScore:Cache:WarmOnPublish"] = "false" },
        });
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 5);
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), records);
        var start = logs.Entries.Count;

        await Postgres.StopAsync();
        for (var i = 0; i < Reads; i++)
        {
            await RpcAssert.FailsWith(StatusCode.Unavailable, () => server.Ratings.GetRatingAsync(Request(region, records[i % records.Count])).ResponseAsync);
        }

        var outage = logs.Entries.Skip(start).ToList();
        var down = Assert.Single(outage, e => e.Level >= LogLevel.Warning);
        Assert.Equal("DependencyDown", down.EventName);
        Assert.StartsWith("database is down: ", down.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", down.Message, StringComparison.Ordinal);
        Assert.All(outage, e => Assert.Null(e.Exception));

        await Postgres.RestartAsync();
        var back = await Eventually.TrueAsync(
            async () => (await server.Health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving
                && logs.Named("DependencyBack").Count > 0,
            TimeSpan.FromSeconds(15));
        Assert.True(back, "no \"database is back\" line 15 s after PostgreSQL came back");
        Assert.Equal(records[0].CreditCode, (await server.Ratings.GetRatingAsync(Request(region, records[0]))).Rating.CreditCode);

        Assert.Equal("database is back", Assert.Single(logs.Named("DependencyBack")).Message);
        Assert.Single(logs.Named("DependencyDown"));
    }

    private static GetRatingRequest Request(string region, EnterpriseRecord record) =>
        new() { CreditCode = record.CreditCode, Region = region, Year = Year };
}
