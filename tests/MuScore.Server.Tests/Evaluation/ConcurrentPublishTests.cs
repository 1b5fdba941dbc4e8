using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Evaluation;

/// <summary>
/// Two instances on one database publishing corrections of one region and year at the same time:
/// every version is dated after the one before it, so the version in force on any date is the
/// same whether it is read by time or by number.
/// </summary>
public sealed class ConcurrentPublishTests : IDisposable
{
    private const string Region = "331082";
    private const int Year = 2020;
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task PublishRun_ConcurrentlyFromTwoInstances_VersionsDatedInVersionOrder()
    {
        var settings = ServerSettings.Sqlite(directory.File("shared.db"));
        await using var first = await ServerInstance.StartAsync(settings);
        await using var second = await ServerInstance.StartAsync(settings);

        // Six corrections of one year (each a different run), stored first, then published at once.
        var runs = new List<Run>();
        for (var i = 0; i < 6; i++)
        {
            runs.Add(await Runs.SubmitAsync(first.Evaluation, Runs.Header(Region, Year), Records.Sample(Region, Year, count: 20 + i)));
        }

        var published = await Task.WhenAll(runs.Select((run, i) => Task.Run(async () =>
            (await (i % 2 == 0 ? first : second).Evaluation.PublishRunAsync(new PublishRunRequest { RunId = run.RunId, Reason = "concurrent correction" })).Publication)));

        var byVersion = published.OrderBy(p => p.Version).ToArray();
        Assert.Equal(Enumerable.Range(1, 6), byVersion.Select(p => p.Version));
        Assert.All(byVersion.Zip(byVersion.Skip(1)), pair =>
            Assert.True(pair.First.PublishedAt.ToDateTimeOffset() < pair.Second.PublishedAt.ToDateTimeOffset(), $"v{pair.Second.Version} is not dated after v{pair.First.Version}"));
    }
}
