using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Rating;

public sealed class VersionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private EvaluationService.EvaluationServiceClient Evaluation => fixture.Server.Evaluation;

    [Fact]
    public async Task PublishRun_CorrectedSecondRun_ServesVersionTwoAndKeepsVersionOneReadable()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 60);
        var misreported = Records.Enterprise(1, region, tax: 100m);
        records.Add(misreported);
        var (first, firstPublication) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), records);
        var code = misreported.CreditCode;
        var before = (await fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = code, Region = region, Year = 2024 })).Rating;

        // The correction: one enterprise's tax was misreported.
        misreported.Tax = "1234.5";
        var (second, secondPublication) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), records);
        var after = (await fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = code, Region = region, Year = 2024 })).Rating;
        var firstRun = await Evaluation.GetRunAsync(new GetRunRequest { RunId = first.RunId });

        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal((1, 2), (firstPublication.Version, secondPublication.Version));
        Assert.Equal((first.RunId, 1), (before.RunId, before.Version));
        Assert.Equal((second.RunId, 2), (after.RunId, after.Version));
        Assert.NotEqual(before.TotalScore, after.TotalScore);
        Assert.Equal(RunState.Published, firstRun.State);
        Assert.Equal(firstPublication, Assert.Single(firstRun.Publications));
        Assert.Equal(first.RecordCount, firstRun.RecordCount);
    }

    [Fact]
    public async Task PublishRun_NewestRunAgain_ReturnsItsPublicationWithoutANewVersion()
    {
        var region = Regions.Next();
        var (run, first) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), Records.Sample(region, 2024, count: 20));

        // A retried publish (the client lost the answer) must not mint a version.
        var again = (await Evaluation.PublishRunAsync(new PublishRunRequest { RunId = run.RunId })).Publication;
        var stored = await Evaluation.GetRunAsync(new GetRunRequest { RunId = run.RunId });

        Assert.Equal(first, again);
        Assert.Equal(first, Assert.Single(stored.Publications));
    }

    [Fact]
    public async Task PublishRun_EarlierRunAfterACorrection_RefusedAsARollbackWithoutReasonAndTheCorrectionStays()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 20);
        var (original, v1) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), records);
        records[1].BonusPoints = "3";
        var (correction, v2) = await Runs.PublishAsync(Evaluation, Runs.Header(region, 2024), records);

        var violations = await RpcAssert.InvalidArgument(() => Evaluation.PublishRunAsync(new PublishRunRequest { RunId = original.RunId }).ResponseAsync);
        var rating = (await fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = records[0].CreditCode, Region = region, Year = 2024 })).Rating;
        var stored = await Evaluation.GetRunAsync(new GetRunRequest { RunId = original.RunId });

        RpcAssert.HasViolation(violations, "reason", "required");
        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal((correction.RunId, 2), (rating.RunId, rating.Version));
        Assert.Equal([v1], stored.Publications);
    }
}
