using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Publishing;

/// <summary>"muscore publish" against the real server on a real socket, with the shipped sample county.</summary>
public sealed class PublishCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory temp = new();
    private ServerInstance server = null!;

    public async Task InitializeAsync() => server = await ServerInstance.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Publish_SampleCounty_PublishesVersionOneAndPrintsTheSummary()
    {
        var run = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty)).Expect(0);

        var runId = Publisher.RunId(run);
        Assert.Equal(1, Publisher.Version(run));
        Assert.Contains("300 rows read, 300 sent: 250 rated, 37 excluded, 13 rejected by the server", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ABOVE +\d+ +\d+ +\d+ +\d+ +\d+$", run.Out);
        var stored = await server.Evaluation.GetRunAsync(new GetRunRequest { RunId = runId });
        Assert.Equal(RunState.Published, stored.State);
        Assert.Equal(300, stored.RecordCount);
        var rating = (await server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = "91331082UQGQ6GKF22", Region = "331082", Year = 2024 })).Rating;
        Assert.Equal(runId, rating.RunId);
        Assert.Equal(1, rating.Version);
        Assert.Equal("临海市瑞通泵阀有限公司", rating.Name);
    }

    [Fact]
    public async Task Publish_CorrectedFileAfterTheSample_PublishesVersionTwo()
    {
        (await Publisher.RunAsync(server.Address, Publisher.SampleCounty)).Expect(0);
        var corrected = Publisher.Edited(Publisher.SampleCounty, temp.File("corrected.csv"), new Dictionary<int, Func<string, string>>
        {
            [126] = line => line.Replace("待定", "否", StringComparison.Ordinal),
            [76] = line => line.Replace("-406.26", "406.26", StringComparison.Ordinal),
        });

        var second = (await Publisher.RunAsync(server.Address, corrected)).Expect(0);

        Assert.Equal(2, Publisher.Version(second));
        Assert.Contains("300 rows read, 300 sent:", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("not sent", second.Out, StringComparison.Ordinal);
        var latest = (await server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = "91331082779J08571X", Region = "331082" })).Rating;
        Assert.Equal(2, latest.Version);
        Assert.Equal(Publisher.RunId(second), latest.RunId);
    }

    [Fact]
    public async Task Publish_SampleCountyAsATableOrAsRecords_SameRunAndRejectedRows()
    {
        // --encoding utf-8 makes the command line read the file and send records; auto sends the file's bytes.
        var asTable = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty, "--no-publish", "--show-rejected", "20")).Expect(0);
        var asRecords = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty, "--no-publish", "--show-rejected", "20", "--encoding", "utf-8")).Expect(0);

        Assert.Equal(Publisher.RunId(asRecords), Publisher.RunId(asTable));
        Assert.Equal(asRecords.Out, asTable.Out);
    }

    [Fact]
    public async Task Publish_SameFileTwice_MintsNoNewVersion()
    {
        var first = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty)).Expect(0);

        var again = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty)).Expect(0);

        Assert.Equal(Publisher.RunId(first), Publisher.RunId(again));
        Assert.Equal(1, Publisher.Version(again));
        Assert.Contains("already the newest version", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SampleCounty_ReportsEveryRejectedRowWithItsFileRowFieldAndRule()
    {
        var run = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty, "--show-rejected", "100")).Expect(0);

        Assert.Contains("rejected: 13 rows:", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 76 (record 75) 91331082779J08571X\n    tax: negative: tax '-406.26' is negative", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 126 (record 125) 913310820DRK9HP770\n    in_construction: boolean_unknown: in_construction '待定'", run.Out, StringComparison.Ordinal);

        // Every row is sent, so a record number is always its file row minus the header.
        Assert.Contains("row 151 (record 150)", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 250 (record 249) 91331082DPW0GGK961\n    credit_code: duplicate_credit_code: credit_code '91331082DPW0GGK961' appears more than once in region 331082: also in row(s) 251", run.Out, StringComparison.Ordinal);
        Assert.Contains("row 226 (record 225) (no credit code)\n    (row): blank_row:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SampleCounty_RatesExactlyAsRateDoes()
    {
        var output = temp.File("rated");
        CliRun.Of("rate", "--input", Publisher.SampleCounty, "--scheme", "zj-standard", "--region", "331082", "--year", "2024", "--out", output, "--quiet").Expect(0);

        (await Publisher.RunAsync(server.Address, Publisher.SampleCounty)).Expect(0);

        var rated = CsvFile.Read(Path.Combine(output, "ratings.csv"));
        var expected = rated.Rows
            .Where(r => r[rated.Column("status")] == "RATED")
            .ToDictionary(r => r[rated.Column("credit_code")], r => (Class: r[rated.Column("class")], Rank: r[rated.Column("rank")]), StringComparer.Ordinal);
        var actual = new Dictionary<string, (string Class, string Rank)>(StringComparer.Ordinal);
        using var stream = server.Ratings.ListRatings(new ListRatingsRequest { Region = "331082", Year = 2024 });
        await foreach (var rating in stream.ResponseStream.ReadAllAsync())
        {
            if (rating.Status == RatingStatus.Rated)
            {
                actual[rating.CreditCode] = (rating.RatingClass.ToString()[^1..], rating.Rank.ToString(CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(250, expected.Count);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        Assert.Equal(13, summary.RootElement.GetProperty("rows").GetProperty("invalid").GetInt32());
    }

    [Fact]
    public async Task Publish_NoPublish_LeavesADraftThatNoReaderSees()
    {
        var run = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty, "--no-publish")).Expect(0);

        Assert.Contains("draft, not published (--no-publish)", run.Out, StringComparison.Ordinal);
        var stored = await server.Evaluation.GetRunAsync(new GetRunRequest { RunId = Publisher.RunId(run) });
        Assert.Equal(RunState.Draft, stored.State);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = "91331082UQGQ6GKF22", Region = "331082", Year = 2024 }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
