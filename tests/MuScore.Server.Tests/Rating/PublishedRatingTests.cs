using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Server.Tests.Support;
using OverrideKind = MuScore.Contracts.V1.OverrideKind;
using ProtoClass = MuScore.Contracts.V1.RatingClass;

namespace MuScore.Server.Tests.Rating;

public sealed class PublishedRatingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private RatingService.RatingServiceClient Ratings => fixture.Server.Ratings;

    private EvaluationService.EvaluationServiceClient Evaluation => fixture.Server.Evaluation;

    [Fact]
    public async Task GetRating_PublishedSample_CarriesTheCoreRatingAndItsProvenance()
    {
        var region = Regions.Next();
        var (run, publication) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024));
        var expected = CoreRatings.Rate(region, 2024);

        // An enterprise with an imputed item and one without, so both shapes of an item are read back.
        var imputed = expected.Values.First(o => o.Rating is { } r && r.Items.Any(i => i.Imputed));
        var complete = expected.Values.First(o => o.Rating is { } r && r.Items.All(i => !i.Imputed) && r.GapToNextClass is not null);
        foreach (var outcome in new[] { imputed, complete })
        {
            var rating = (await Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = outcome.CreditCode, Region = region, Year = 2024 })).Rating;
            var core = outcome.Rating!;
            Assert.Equal((outcome.CreditCode, outcome.Name, region, 2024), (rating.CreditCode, rating.Name, rating.Region, rating.Year));
            Assert.Equal(outcome.Record!.Industry, rating.Industry);
            Assert.Equal(outcome.Record.Scale == Core.Records.Scale.Above ? "ABOVE" : "BELOW", rating.Scale);
            Assert.Equal(RatingStatus.Rated, rating.Status);
            Assert.Empty(rating.ExclusionReasons);
            Assert.Equal((core.Pool, core.Total, core.Bonus, core.Penalty), (rating.Pool, rating.TotalScore, rating.Bonus, rating.Penalty));
            Assert.Equal((core.Rank, core.PoolSize, core.Percentile, core.QuotaPoolSize), (rating.Rank, rating.PoolSize, rating.Percentile, rating.QuotaPoolSize));
            Assert.Equal(core.QuotaRank, rating.HasQuotaRank ? rating.QuotaRank : null);
            Assert.Equal((int)core.Class + 1, (int)rating.RatingClass);
            Assert.Equal((int)core.Override, (int)rating.OverrideKind);
            Assert.Equal(core.GapToNextClass, rating.HasGapToNextClass ? rating.GapToNextClass : null);
            Assert.Equal(core.Class == Core.Rating.RatingClass.D ? 1 : 0, rating.ConsecutiveDYears);
            Assert.Equal(outcome.Record.LandMu, decimal.Parse(rating.LandMu, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(core.Items.Count, rating.Items.Count);
            for (var i = 0; i < core.Items.Count; i++)
            {
                var (item, wire) = (core.Items[i], rating.Items[i]);
                Assert.Equal(item.Indicator.Id(), wire.Indicator);
                Assert.Equal((item.Weight, item.Score, item.Imputed), (wire.Weight, wire.Score, wire.Imputed));
                Assert.Equal(item.Value, wire.HasValue ? wire.Value : null);
                Assert.Equal(item.Benchmark, wire.HasBenchmark ? wire.Benchmark : null);
                Assert.Equal(item.Imputed ? "imputed" : item.Basis == ItemBasis.ZeroDenominator ? "zero_denominator" : "scored", wire.Basis);
            }

            Assert.Equal((run.SchemeId, run.SchemeVersion, run.SchemeHash, run.InputHash), (rating.SchemeId, rating.SchemeVersion, rating.SchemeHash, rating.InputHash));
            Assert.Equal((run.RunId, 1, publication.PublishedAt), (rating.RunId, rating.Version, rating.PublishedAt));
        }

        Assert.Contains(imputed.Rating!.Items, i => i.Imputed);
    }

    [Fact]
    public async Task GetRating_VetoedEnterprise_DWithVetoOverrideAndNoGap()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 40);
        var vetoed = Records.Enterprise(1, region, tax: 900m);
        vetoed.FailsStandards = "是";
        records.Add(vetoed);
        await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), records);

        var rating = (await Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = vetoed.CreditCode, Region = region, Year = 2024 })).Rating;

        Assert.Equal((ProtoClass.D, OverrideKind.Veto, 1), (rating.RatingClass, rating.OverrideKind, rating.ConsecutiveDYears));
        Assert.False(rating.HasGapToNextClass);
        Assert.False(rating.HasQuotaRank);
    }

    [Fact]
    public async Task BatchGetRatings_EveryCodeAndAnUnknownOne_OneEntryPerCodeInRequestOrder()
    {
        var region = Regions.Next();
        await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024));
        var expected = CoreRatings.Rate(region, 2024);
        var unknown = Records.Code(77, region);
        var codes = expected.Keys.Reverse().ToList();
        codes.Insert(3, unknown);
        codes.Add(codes[0]);

        var response = await Ratings.BatchGetRatingsAsync(new BatchGetRatingsRequest { Region = region, Year = 2024, CreditCodes = { codes } });

        Assert.Equal(codes, response.Entries.Select(e => e.CreditCode));
        var missing = response.Entries[3];
        Assert.Equal(BatchEntry.ResultOneofCase.Error, missing.ResultCase);
        Assert.Equal("not_found", missing.Error.Code);
        Assert.Contains(unknown, missing.Error.Message, StringComparison.Ordinal);
        foreach (var entry in response.Entries.Where(e => e.CreditCode != unknown))
        {
            var outcome = expected[entry.CreditCode];
            Assert.Equal(BatchEntry.ResultOneofCase.Rating, entry.ResultCase);
            if (outcome.Status == RowStatus.Excluded)
            {
                Assert.Equal(RatingStatus.Excluded, entry.Rating.Status);
                Assert.Equal(outcome.Exclusions.Select(e => e.Code()), entry.Rating.ExclusionReasons);
                Assert.Equal(ProtoClass.Unspecified, entry.Rating.RatingClass);
            }
            else
            {
                Assert.Equal((int)outcome.Rating!.Class + 1, (int)entry.Rating.RatingClass);
                Assert.Equal(outcome.Rating.Rank, entry.Rating.Rank);
            }
        }
    }

    [Fact]
    public async Task ListRatings_Published_StreamsEveryRatingInPoolThenRankOrder()
    {
        var region = Regions.Next();
        var (run, _) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024));

        var ratings = await ReadAll(Ratings.ListRatings(new ListRatingsRequest { Region = region, Year = 2024 }));

        Assert.Equal(run.RatedCount + run.ExcludedCount, ratings.Count);
        var rated = ratings.TakeWhile(r => r.Status == RatingStatus.Rated).ToList();
        Assert.Equal(run.RatedCount, rated.Count);
        Assert.All(ratings.Skip(rated.Count), r => Assert.Equal(RatingStatus.Excluded, r.Status));
        Assert.Equal(rated.OrderBy(r => r.Pool, StringComparer.Ordinal).ThenBy(r => r.Rank).Select(r => r.CreditCode), rated.Select(r => r.CreditCode));
        Assert.All(ratings, r => Assert.Equal((run.RunId, 1), (r.RunId, r.Version)));
    }

    [Fact]
    public async Task ListRatings_ClassAndPoolFilter_OnlyMatchingRatings()
    {
        var region = Regions.Next();
        var (run, _) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024));
        var above = run.Pools.Single(p => p.Pool == "ABOVE");

        var ratings = await ReadAll(Ratings.ListRatings(new ListRatingsRequest { Region = region, Year = 2024, Pools = { "ABOVE" }, Classes = { ProtoClass.A, ProtoClass.D } }));

        Assert.Equal(above.A + above.D, ratings.Count);
        Assert.All(ratings, r => Assert.True(r.Pool == "ABOVE" && r.RatingClass is ProtoClass.A or ProtoClass.D));
    }

    [Fact]
    public async Task GetRating_NoYear_ReadsTheLatestPublishedYear()
    {
        var region = Regions.Next();
        await Runs.PublishAsync(Evaluation, Runs.Header(region, 2023), Records.Sample(region, 2023, count: 30));
        await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024, count: 30));
        var code = Records.Sample(region, 2024, count: 1)[0].CreditCode;

        var latest = (await Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = code, Region = region })).Rating;
        var earlier = (await Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = code, Region = region, Year = 2023 })).Rating;

        Assert.Equal(2024, latest.Year);
        Assert.Equal(2023, earlier.Year);
    }

    private static async Task<List<Contracts.V1.Rating>> ReadAll(AsyncServerStreamingCall<Contracts.V1.Rating> call)
    {
        using (call)
        {
            var list = new List<Contracts.V1.Rating>();
            await foreach (var rating in call.ResponseStream.ReadAllAsync())
            {
                list.Add(rating);
            }

            return list;
        }
    }
}
