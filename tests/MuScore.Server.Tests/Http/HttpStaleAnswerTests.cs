using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Http;

/// <summary>
/// The gRPC trailer muscore-stale's HTTP equivalent: with PostgreSQL stopped under a server with
/// Redis, a cached rating read over HTTP/JSON says possiblyStale and carries the header
/// muscore-stale: 1; a fresh read carries neither.
/// </summary>
public sealed class HttpStaleAnswerTests : IAsyncLifetime
{
    private const int Year = 2024;

    private OutageStack? stack;

    public async Task InitializeAsync() => stack = await OutageStack.StartAsync("httpstale");

    public async Task DisposeAsync() => await stack!.DisposeAsync();

    [Fact]
    public async Task GetAndBatch_DatabaseStopped_PossiblyStaleWithTheHeader()
    {
        var server = stack!.Server;
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 10);
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), records);
        var code = records[0].CreditCode;
        var path = $"/v1/regions/{region}/ratings/{code}?year={Year}";
        using var http = server.WebClient();

        var fresh = await HttpAnswer.GetAsync(http, path);
        Assert.False(fresh.As<GetRatingResponse>().PossiblyStale);
        Assert.False(fresh.Response.Headers.Contains("muscore-stale"));

        await stack.Postgres.StopAsync();

        // Once the pointers trusted before the stop expire (a second or so), every read is marked.
        HttpAnswer? stale = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            stale = await HttpAnswer.GetAsync(http, path);
            return stale.As<GetRatingResponse>().PossiblyStale;
        }, TimeSpan.FromSeconds(30)), "no read over HTTP was marked possibly stale within 30 s of stopping PostgreSQL");
        Assert.Equal("1", Assert.Single(stale!.Response.Headers.GetValues("muscore-stale")));
        Assert.Equal(code, stale.As<GetRatingResponse>().Rating.CreditCode);

        var batch = await HttpAnswer.PostAsync(http, $"/v1/regions/{region}/ratings:batchGet", $$"""{"year": {{Year}}, "creditCodes": ["{{code}}"]}""");
        Assert.True(batch.As<BatchGetRatingsResponse>().PossiblyStale);
        Assert.Equal("1", Assert.Single(batch.Response.Headers.GetValues("muscore-stale")));
    }
}
