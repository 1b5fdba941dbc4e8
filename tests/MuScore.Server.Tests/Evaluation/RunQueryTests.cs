using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Evaluation;

public sealed class RunQueryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private EvaluationService.EvaluationServiceClient Client => fixture.Server.Evaluation;

    [Fact]
    public async Task ListRuns_ThreeRunsPagesOfTwo_NewestFirstAcrossPages()
    {
        var region = Regions.Next();
        var ids = new List<string>();
        foreach (var count in new[] { 5, 6, 7 })
        {
            ids.Add((await Runs.SubmitAsync(Client, Runs.Header(region, 2024), Records.Sample(region, 2024, count))).RunId);
        }

        var first = await Client.ListRunsAsync(new ListRunsRequest { Region = region, Year = 2024, PageSize = 2 });
        var second = await Client.ListRunsAsync(new ListRunsRequest { Region = region, Year = 2024, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(2, first.Runs.Count);
        Assert.NotEmpty(first.NextPageToken);
        Assert.Single(second.Runs);
        Assert.Empty(second.NextPageToken);
        Assert.Equal(Enumerable.Reverse(ids), first.Runs.Concat(second.Runs).Select(r => r.RunId));
        Assert.All(first.Runs, r => Assert.Empty(r.Rejected));
    }

    [Fact]
    public async Task ListRuns_OtherRegionFilter_Empty()
    {
        var region = Regions.Next();
        await Runs.SubmitAsync(Client, Runs.Header(region, 2024), Records.Sample(region, 2024, count: 5));

        var otherYear = await Client.ListRunsAsync(new ListRunsRequest { Region = region, Year = 2023 });
        var thisYear = await Client.ListRunsAsync(new ListRunsRequest { Region = region });

        Assert.Empty(otherYear.Runs);
        Assert.Single(thisYear.Runs);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public async Task ListRuns_PageSizeOutOfRange_InvalidArgument(int pageSize)
    {
        var violations = await RpcAssert.InvalidArgument(() => Client.ListRunsAsync(new ListRunsRequest { PageSize = pageSize }).ResponseAsync);

        RpcAssert.HasViolation(violations, "page_size", "page_size_range");
    }

    [Fact]
    public async Task ListRuns_BadRegionYearAndToken_InvalidArgument()
    {
        var bad = await RpcAssert.InvalidArgument(() => Client.ListRunsAsync(new ListRunsRequest { Region = "12", Year = 1000 }).ResponseAsync);
        var token = await RpcAssert.InvalidArgument(() => Client.ListRunsAsync(new ListRunsRequest { PageToken = "not-a-token" }).ResponseAsync);

        RpcAssert.HasViolation(bad, "region", "region_format");
        RpcAssert.HasViolation(bad, "year", "year_range");
        RpcAssert.HasViolation(token, "page_token", "format");
    }

    [Fact]
    public async Task GetRun_UnknownId_NotFound()
    {
        var reason = await RpcAssert.NotFound(() => Client.GetRunAsync(new GetRunRequest { RunId = new string('a', 64) }).ResponseAsync);

        Assert.Equal("RUN_NOT_FOUND", reason);
    }

    [Fact]
    public async Task GetRun_NoId_InvalidArgument()
    {
        var violations = await RpcAssert.InvalidArgument(() => Client.GetRunAsync(new GetRunRequest()).ResponseAsync);

        RpcAssert.HasViolation(violations, "run_id", "required");
    }

    [Fact]
    public async Task PublishRun_UnknownId_NotFound()
    {
        var reason = await RpcAssert.NotFound(() => Client.PublishRunAsync(new PublishRunRequest { RunId = new string('b', 64) }).ResponseAsync);

        Assert.Equal("RUN_NOT_FOUND", reason);
    }

    [Fact]
    public async Task PublishRun_NoId_InvalidArgument()
    {
        var violations = await RpcAssert.InvalidArgument(() => Client.PublishRunAsync(new PublishRunRequest()).ResponseAsync);

        RpcAssert.HasViolation(violations, "run_id", "required");
    }
}
