using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Publishing;

/// <summary>How "muscore publish" fails: exit 2 before any call for bad local input, exit 4 for the server's errors.</summary>
public sealed class PublishFailureTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Publish_UnreachableServer_ExitsFourWithOneLineAndNoStackTrace()
    {
        var nowhere = Publisher.Nowhere();

        var run = (await Publisher.RunAsync(nowhere, Publisher.SampleCounty)).Expect(4);

        Assert.StartsWith($"muscore publish: cannot reach the server at {nowhere.GetLeftPart(UriPartial.Authority)}: UNAVAILABLE", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Publish_InvalidSchemeFile_ExitsTwoWithJsonPathsBeforeContactingTheServer()
    {
        var scheme = temp.File("scheme.json");
        await File.WriteAllTextAsync(scheme, """{ "id": "x", "version": "1", "title": "x", "pools": [] }""");

        // Nothing listens there: a call would end in exit 4, so exit 2 proves no call was made.
        var run = (await Publisher.RunAsync(Publisher.Nowhere(), Publisher.SampleCounty, "--scheme", scheme)).Expect(2);

        Assert.Contains($"scheme file '{scheme}' is invalid", run.Error, StringComparison.Ordinal);
        Assert.Contains("  pools:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_MissingInput_ExitsTwoNamingIt()
    {
        var missing = temp.File("missing.csv");

        var run = (await Publisher.RunAsync(Publisher.Nowhere(), missing)).Expect(2);

        Assert.Contains($"input file '{missing}' does not exist", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--server", "127.0.0.1:5080", "is not an http:// or https:// URL")]
    [InlineData("--region", "33108", "is not a 6-digit region code")]
    [InlineData("--year", "1989", "is not a whole number from 1990 to 2100")]
    [InlineData("--batch", "0", "is not a whole number from 1 to 10000")]
    public void Publish_BadArgument_ExitsTwoWithUsage(string option, string value, string message)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--server"] = "http://127.0.0.1:5080",
            ["--input"] = Publisher.SampleCounty,
            ["--scheme"] = "zj-standard",
            ["--region"] = "331082",
            ["--year"] = "2024",
        };
        args[option] = value;

        var run = CliRun.Of(["publish", .. args.SelectMany(a => new[] { a.Key, a.Value })]).Expect(2);

        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore publish", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_MoreRecordsThanTheServerTakes_ExitsFourNamingTheLimit()
    {
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = new Dictionary<string, string?> { ["MuScore:Limits:MaxRecordsPerRun"] = "10" },
        });

        var run = (await Publisher.RunAsync(server.Address, Publisher.SampleCounty, "--batch", "4")).Expect(4);

        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            $"muscore publish: the server at {server.Address.GetLeftPart(UriPartial.Authority)} answered SubmitRun with RESOURCE_EXHAUSTED: more than 10 records; a run holds at most 10 (MuScore:Limits:MaxRecordsPerRun)",
            lines[0]);
        Assert.StartsWith("  reason: TOO_MANY_RECORDS (", lines[1], StringComparison.Ordinal);
        Assert.Contains("MuScore:Limits:MaxRecordsPerRun", lines[1], StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Publish_CsvWithCellsRightOfTheHeader_SentAsATableAndRejectedByTheServerAsRateRejectsThem()
    {
        // Row 4 has a stray cell right of the header; row 6 takes row 4's credit code, so both are duplicates.
        var code = File.ReadLines(Publisher.SampleCounty).ElementAt(3).Split(',')[0];
        var input = Publisher.Edited(Publisher.SampleCounty, temp.File("county.csv"), new Dictionary<int, Func<string, string>>
        {
            [4] = line => line + ",stray",
            [6] = line => code + line[line.IndexOf(',', StringComparison.Ordinal)..],
        });
        await using var server = await ServerInstance.StartAsync();

        var run = (await Publisher.RunAsync(server.Address, input, "--show-rejected", "3")).Expect(0);

        Assert.Contains("300 rows read, 300 sent:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("not sent", run.Out, StringComparison.Ordinal);
        Assert.Contains($"row 4 (record 3) {code}\n    (row): extra_cells: the row has 1 non-blank cell right of the last header column", run.Out, StringComparison.Ordinal);
        Assert.Contains($"    credit_code: duplicate_credit_code: credit_code '{code}' appears more than once in region 331082: also in row(s) 6", run.Out, StringComparison.Ordinal);
        Assert.Contains($"row 6 (record 5) {code}\n    credit_code: duplicate_credit_code: credit_code '{code}' appears more than once in region 331082: also in row(s) 4", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_CsvBrokenFarIntoTheFile_ExitsTwoNamingRowAndColumn()
    {
        // The header is fine, so the file is sent; the server finds the quote never closed on row 200.
        var input = Publisher.Edited(Publisher.SampleCounty, temp.File("broken.csv"), new Dictionary<int, Func<string, string>>
        {
            [200] = line => line.Insert(line.IndexOf(',', StringComparison.Ordinal) + 1, "\""),
        });
        await using var server = await ServerInstance.StartAsync();

        var run = (await Publisher.RunAsync(server.Address, input)).Expect(2);

        Assert.Contains($"input file '{input}' is not a readable table: the table: row 200, column 2: the quoted cell", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Publish_CsvWithAHeaderOnly_ExitsTwoBeforeContactingTheServer()
    {
        var input = temp.File("empty.csv");
        await File.WriteAllTextAsync(input, File.ReadLines(Publisher.SampleCounty).First() + "\n");

        // Nothing listens there: a call would end in exit 4, so exit 2 proves no call was made.
        var run = (await Publisher.RunAsync(Publisher.Nowhere(), input)).Expect(2);

        Assert.Contains($"input file '{input}' has a header but no data rows; nothing to publish", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_RowsTheWireCannotCarryAsRecords_KeepsThemAndTheirDuplicatesBackAsRateRejectsThem()
    {
        // An explicit --encoding sends the rows as records, as for an .xlsx.
        // Row 4 has a stray cell right of the header; row 6 takes row 4's credit code, so both are duplicates.
        var code = File.ReadLines(Publisher.SampleCounty).ElementAt(3).Split(',')[0];
        var input = Publisher.Edited(Publisher.SampleCounty, temp.File("county.csv"), new Dictionary<int, Func<string, string>>
        {
            [4] = line => line + ",stray",
            [6] = line => code + line[line.IndexOf(',', StringComparison.Ordinal)..],
        });
        await using var server = await ServerInstance.StartAsync();

        var run = (await Publisher.RunAsync(server.Address, input, "--show-rejected", "3", "--encoding", "utf-8")).Expect(0);

        Assert.Contains("300 rows read, 298 sent:", run.Out, StringComparison.Ordinal);
        Assert.Contains("kept back  2 rows not sent", run.Out, StringComparison.Ordinal);
        Assert.Contains($"row 4 (not sent) {code}\n    (row): extra_cells: the row has 1 non-blank cell right of the last header column", run.Out, StringComparison.Ordinal);
        Assert.Contains($"    credit_code: duplicate_credit_code: credit_code '{code}' appears more than once in region 331082: also in row(s) 6", run.Out, StringComparison.Ordinal);
        Assert.Contains($"row 6 (not sent) {code}\n    credit_code: duplicate_credit_code: credit_code '{code}' appears more than once in region 331082: also in row(s) 4", run.Out, StringComparison.Ordinal);
        var rated = CliRun.Of("rate", "--input", input, "--scheme", "zj-standard", "--region", "331082", "--year", "2024", "--out", temp.File("out"), "--quiet").Expect(0);
        var ratings = CsvFile.Read(Path.Combine(temp.File("out"), "ratings.csv"));
        Assert.Equal(["INVALID", "INVALID"], ratings.Rows.Where(r => r[0] is "4" or "6").Select(r => r[1]));
        Assert.Empty(rated.Error);
    }
}
