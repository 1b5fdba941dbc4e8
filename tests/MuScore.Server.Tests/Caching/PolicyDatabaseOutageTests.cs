using Grpc.Core;
using Grpc.Health.V1;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Policies;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// PostgreSQL stopped under a real server with Redis: policy answers computed from cached ratings
/// carry the same possibly-stale marker as GetRating (field and trailer), PolicyService stays
/// SERVING while the services that need the store do not, and both turn back once the database
/// is restarted, without a server restart. The test owns its PostgreSQL, since it stops it.
/// </summary>
public sealed class PolicyDatabaseOutageTests : IAsyncLifetime
{
    private const int Year = 2024;

    private OutageStack? stack;

    private ServerInstance Server => stack!.Server;

    private PolicyService.PolicyServiceClient Policies => new(Server.Channel);

    public async Task InitializeAsync() => stack = await OutageStack.StartAsync("policyoutage");

    public async Task DisposeAsync() => await stack!.DisposeAsync();

    [Fact]
    public async Task PolicyAnswers_PostgresStopped_MarkedPossiblyStaleAndServingThenFreshAfterRestart()
    {
        var region = PolicyRuns.NextShandong();
        var records = Records.Sample(region, Year, count: 10);
        await Runs.PublishAsync(Server.Evaluation, Runs.Header(region, Year), records);

        // After the publication, so the newest version is the one in force and no earlier version is read.
        var billing = PolicyRuns.Text(PolicyRuns.ChinaToday().AddDays(1));
        var single = new QuoteTariffRequest { CreditCode = records[0].CreditCode, Region = region, Utility = Utility.Electricity, BillingDate = billing };
        var batch = new QuoteTariffsRequest { Items = { records.Take(3).Select(r => new QuoteTariffRequest { CreditCode = r.CreditCode, Region = region, Utility = Utility.Water, BillingDate = billing }) } };
        var (before, beforeTrailers) = await QuoteAsync(single);
        var (beforeBatch, beforeBatchTrailers) = await QuoteManyAsync(batch);
        Assert.False(before.PossiblyStale);
        Assert.Null(beforeTrailers.Get("muscore-stale"));
        Assert.False(beforeBatch.PossiblyStale);
        Assert.Null(beforeBatchTrailers.Get("muscore-stale"));
        Assert.Equal(ServingStatus.Serving, await stack!.HealthAsync("muscore.v1.PolicyService"));

        await stack!.Postgres.StopAsync();

        // Once the pointers confirmed before the stop expire (here and in Redis), every answer must be marked.
        var marked = await Eventually.TrueAsync(async () => (await QuoteAsync(single)).Quote.PossiblyStale, TimeSpan.FromSeconds(15));
        var (during, duringTrailers) = await QuoteAsync(single);
        var (duringBatch, duringBatchTrailers) = await QuoteManyAsync(batch);
        var policyHealth = await stack!.HealthAsync("muscore.v1.PolicyService");
        var evaluationHealth = await Eventually.TrueAsync(async () => await stack!.HealthAsync("muscore.v1.EvaluationService") == ServingStatus.NotServing, TimeSpan.FromSeconds(15));

        await stack.Postgres.RestartAsync();
        // Each connection the pool held across the restart fails once when next used, and a read that
        // fails marks the database down again for a moment, so "fresh" is awaited for both shapes.
        var fresh = await Eventually.TrueAsync(async () => !(await QuoteAsync(single)).Quote.PossiblyStale, TimeSpan.FromSeconds(15));
        (QuoteTariffsResponse Response, Metadata Trailers)? freshBatch = null;
        await Eventually.TrueAsync(
            async () =>
            {
                freshBatch = await QuoteManyAsync(batch);
                return !freshBatch.Value.Response.PossiblyStale;
            },
            TimeSpan.FromSeconds(15));
        var (after, afterTrailers) = freshBatch!.Value;

        Assert.True(marked, "no tariff quote was marked possibly stale while PostgreSQL was stopped");
        Assert.True(during.PossiblyStale);
        Assert.Equal("1", duringTrailers.GetValue("muscore-stale"));
        Assert.True(duringBatch.PossiblyStale);
        Assert.Equal("1", duringBatchTrailers.GetValue("muscore-stale"));
        Assert.Equal(before.Rating, during.Rating);
        Assert.Equal(beforeBatch.Quotes.Select(q => q.Rating), duringBatch.Quotes.Select(q => q.Rating));
        Assert.Equal(ServingStatus.Serving, policyHealth);
        Assert.True(evaluationHealth, "EvaluationService stayed SERVING with PostgreSQL stopped");
        Assert.True(fresh, "tariff quotes stayed possibly stale after PostgreSQL came back");
        Assert.False(after.PossiblyStale);
        Assert.Null(afterTrailers.Get("muscore-stale"));
    }

    private async Task<(TariffQuote Quote, Metadata Trailers)> QuoteAsync(QuoteTariffRequest request)
    {
        using var call = Policies.QuoteTariffAsync(request);
        var quote = await call.ResponseAsync;
        return (quote, call.GetTrailers());
    }

    private async Task<(QuoteTariffsResponse Response, Metadata Trailers)> QuoteManyAsync(QuoteTariffsRequest request)
    {
        using var call = Policies.QuoteTariffsAsync(request);
        var response = await call.ResponseAsync;
        return (response, call.GetTrailers());
    }
}
