using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

public abstract partial class RatingStoreContract
{
    [Fact]
    public async Task Publish_ThreeRunsOfOneYear_GivesVersions123AndEarlierVersionsStayReadable()
    {
        var drafts = new[] { "v1", "v2", "v3" }.Select((tag, i) => TestRuns.Draft(tag, TestRuns.Mixed(5 + i), createdAt: TestRuns.Created.AddMinutes(i))).ToArray();

        var publications = new List<Publication>();
        foreach (var (draft, i) in drafts.Select((d, i) => (d, i)))
        {
            publications.Add(await PublishAsync(draft, TestRuns.Created.AddDays(i)));
        }

        Assert.Equal([1, 2, 3], publications.Select(p => p.Version));
        Assert.Equal(drafts.Select(d => d.RunId), publications.Select(p => p.RunId));
        Assert.Equal(TestRuns.Created.AddDays(1), publications[1].PublishedAt);
        Assert.Equal(publications[2], await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(5 + i, (await ListAsync(publications[i], NoFilter)).Count);
            Assert.Equal([publications[i]], (await Store.GetRunAsync(drafts[i].RunId, None))!.Publications);
        }
    }

    [Fact]
    public async Task GetPublicationAsOf_BetweenVersions_TheVersionPublishedStrictlyBefore()
    {
        var drafts = new[] { "v1", "v2", "v3" }.Select((tag, i) => TestRuns.Draft(tag, TestRuns.Mixed(3 + i), createdAt: TestRuns.Created.AddMinutes(i))).ToArray();
        var publications = new List<Publication>();
        foreach (var (draft, i) in drafts.Select((d, i) => (d, i)))
        {
            publications.Add(await PublishAsync(draft, TestRuns.Created.AddDays(10 * i)));
        }

        Assert.Null(await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, TestRuns.Created, None));
        Assert.Equal(publications[0], await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, TestRuns.Created.AddTicks(1), None));
        Assert.Equal(publications[0], await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, TestRuns.Created.AddDays(10), None));
        Assert.Equal(publications[1], await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, TestRuns.Created.AddDays(10).AddTicks(1), None));
        Assert.Equal(publications[2], await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, DateTimeOffset.MaxValue, None));
        Assert.Null(await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year + 1, DateTimeOffset.MaxValue, None));
    }

    [Fact]
    public async Task Publish_UnknownRun_RunNotFoundAndPublishesNothing()
    {
        var result = await Store.PublishAsync(Request("no-such-run"), None);

        Assert.Equal(new PublishResult(PublishOutcome.RunNotFound, null, null), result);
        Assert.Null(await Store.GetLatestPublicationAsync(TestRuns.Region, null, None));
    }

    [Fact]
    public async Task Publish_RunThatIsAlreadyNewest_AlreadyNewestWithThatPublicationUnchanged()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(3));
        var first = await PublishAsync(draft, reason: "first");

        var again = await Store.PublishAsync(new PublishRequest(draft.RunId, TestRuns.Created.AddDays(9), "carol", "again"), None);

        Assert.Equal(PublishOutcome.AlreadyNewest, again.Outcome);
        Assert.Equal(first, again.Publication);
        Assert.Equal(("bob", "first"), (again.Publication!.PublishedBy, again.Publication.Reason));
        Assert.Equal(draft.RunId, again.Run!.RunId);
        Assert.Equal(first, await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None));
    }

    [Fact]
    public async Task GetLatestPublication_WithAndWithoutYear_PicksThatYearOrTheLatestYear()
    {
        var y2023 = await PublishAsync(TestRuns.Draft("a", TestRuns.Mixed(2, year: 2023), year: 2023));
        var y2024 = await PublishAsync(TestRuns.Draft("b", TestRuns.Mixed(2)));
        var y2023v2 = await PublishAsync(TestRuns.Draft("c", TestRuns.Mixed(3, year: 2023), year: 2023, createdAt: TestRuns.Created.AddHours(1)));

        Assert.Equal(y2024, await Store.GetLatestPublicationAsync(TestRuns.Region, null, None));
        Assert.Equal(y2023v2, await Store.GetLatestPublicationAsync(TestRuns.Region, 2023, None));
        Assert.NotEqual(y2023, y2023v2);
        Assert.Null(await Store.GetLatestPublicationAsync(TestRuns.Region, 2022, None));
        Assert.Null(await Store.GetLatestPublicationAsync("330100", null, None));
    }

    [Fact]
    public async Task Publish_ConcurrentlyFromTwoStoreInstances_GivesDistinctConsecutiveVersions()
    {
        var drafts = Enumerable.Range(0, 8).Select(i => TestRuns.Draft($"c{i}", TestRuns.Mixed(3))).ToArray();
        foreach (var draft in drafts)
        {
            await Store.SaveDraftAsync(draft, None);
        }

        var other = await OpenAsync();
        // With a reason: which of them count as rollbacks depends on the order they win the lock.
        var results = await Task.WhenAll(drafts.Select((d, i) =>
            Task.Run(() => (i % 2 == 0 ? Store : other).PublishAsync(Request(d.RunId, reason: "concurrent"), None))));
        var publications = results.Select(r => r.Publication!).ToArray();

        Assert.All(results, r => Assert.Equal(PublishOutcome.Published, r.Outcome));
        Assert.Equal(Enumerable.Range(1, 8), publications.Select(p => p.Version).Order());
        Assert.Equal(drafts.Select(d => d.RunId).Order(StringComparer.Ordinal), publications.Select(p => p.RunId).Order(StringComparer.Ordinal));
        Assert.Equal(8, (await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None))!.Version);

        // All asked for the same instant; each later version is still dated strictly later.
        var byVersion = publications.OrderBy(p => p.Version).ToArray();
        Assert.All(byVersion.Zip(byVersion.Skip(1)), pair => Assert.True(pair.First.PublishedAt < pair.Second.PublishedAt, $"v{pair.Second.Version} is not dated after v{pair.First.Version}"));
    }

    [Fact]
    public async Task Publish_ClockBehindTheNewestVersion_DatesTheNewVersionJustAfterIt()
    {
        // An instance whose clock runs behind publishes after one whose clock runs ahead.
        var first = await PublishAsync(TestRuns.Draft("ahead", TestRuns.Mixed(2)), TestRuns.Created.AddDays(5));
        var second = await PublishAsync(TestRuns.Draft("behind", TestRuns.Mixed(3), createdAt: TestRuns.Created.AddHours(1)), TestRuns.Created.AddDays(4));

        Assert.Equal(2, second.Version);
        Assert.Equal(first.PublishedAt.AddTicks(1), second.PublishedAt);
        Assert.Equal(second.RunId, (await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, second.PublishedAt.AddTicks(1), None))!.RunId);
        Assert.Equal(first.RunId, (await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, second.PublishedAt, None))!.RunId);
    }
}
