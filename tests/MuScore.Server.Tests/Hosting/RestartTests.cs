using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_AfterPublishing_EverythingPublishedIsStillServed()
    {
        await using var server = await ServerInstance.StartAsync();
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 50);
        var (run, publication) = await Runs.PublishAsync(server.Evaluation, Runs.Header(region, 2024), records);
        var draft = await Runs.SubmitAsync(server.Evaluation, Runs.Header(region, 2025), Records.Sample(region, 2025, count: 10));
        var codes = records.Select(r => r.CreditCode).ToList();
        var before = await server.Ratings.BatchGetRatingsAsync(new BatchGetRatingsRequest { Region = region, Year = 2024, CreditCodes = { codes } });
        var runBefore = await server.Evaluation.GetRunAsync(new GetRunRequest { RunId = run.RunId });

        await server.RestartAsync();

        var after = await server.Ratings.BatchGetRatingsAsync(new BatchGetRatingsRequest { Region = region, Year = 2024, CreditCodes = { codes } });
        var runAfter = await server.Evaluation.GetRunAsync(new GetRunRequest { RunId = run.RunId });
        var draftAfter = await server.Evaluation.GetRunAsync(new GetRunRequest { RunId = draft.RunId });
        Assert.Equal(before, after);
        Assert.Equal(runBefore, runAfter);
        Assert.Equal(publication, Assert.Single(runAfter.Publications));
        Assert.Equal(RunState.Draft, draftAfter.State);
    }

    [Fact]
    public async Task TwoInstances_OneSqliteFile_PublishOnOneReadOnTheOther()
    {
        var directory = Directory.CreateTempSubdirectory("muscore-two-");
        try
        {
            var file = Path.Combine(directory.FullName, "shared.db");
            var settings = ServerSettings.Sqlite(file) with { CacheEnabled = false };
            await using var first = await ServerInstance.StartAsync(settings);
            await using var second = await ServerInstance.StartAsync(settings);
            var region = Regions.Next();
            var records = Records.Sample(region, 2024, count: 20);

            var (run, _) = await Runs.PublishAsync(first.Evaluation, Runs.Header(region, 2024), records);
            var rating = (await second.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = records[0].CreditCode, Region = region, Year = 2024 })).Rating;

            Assert.NotEqual(first.Port, second.Port);
            Assert.Equal(run.RunId, rating.RunId);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
