using System.IO.Compression;
using System.Xml.Linq;
using Microsoft.Playwright;
using MuScore.Console.Tests.Support;
using MuScore.Contracts.V1;
using MuScore.Core.Rating;
using MuScore.Core.Sampling;
using MuScore.Core.Schemes;
using MuScore.Ingest;
using MuScore.Reports.Lists;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;
using nietras.SeparatedValues;

namespace MuScore.Console.Tests;

/// <summary>
/// The console's files against the real server: ratings.xlsx in the layout of <c>muscore rate</c>,
/// a final publication's lists and summary (CSV and .xlsx) with the columns of <c>muscore lists</c> /
/// <c>muscore summary</c>; figures only with ratings:figures; refused without the scope, for another
/// region, and (lists, summary) for a run that is not the publication in force.
/// </summary>
public sealed class ConsoleDownloadTests(Chromium chromium) : IClassFixture<Chromium>
{
    // Linhai's list rules (linhai-2022) are in force on 31 December 2023, not 2024.
    private const int ListsYear = 2023;

    [Fact]
    public async Task A_published_run_gives_ratings_xlsx_lists_and_summary_in_the_cli_layouts_and_refuses_what_the_scopes_do_not_open()
    {
        using var tokens = new TestTokens();
        await using var server = await ServerInstance.StartAsync(new ServerSettings { Tokens = tokens });
        var rows = SampleGenerator.Generate(new SampleOptions { Count = 60, Seed = 2023, Year = ListsYear, ChineseHeaders = true, Regions = [YearFiles.Region] }).ToList();
        var published = await SubmitAsync(server, tokens.Issue("clerk-zhao", "runs:submit", [YearFiles.Region]), ListsYear, rows);
        using (var channel = server.ChannelAs(tokens.Issue("chief-qian", "runs:publish", [YearFiles.Region])))
        {
            await new EvaluationService.EvaluationServiceClient(channel).PublishRunAsync(new PublishRunRequest { RunId = published.RunId });
        }

        var draft = await SubmitAsync(server, tokens.Issue("clerk-zhao", "runs:submit", [YearFiles.Region]), YearFiles.Year, YearFiles.Rows);
        var (context, page, _) = await chromium.OpenAsync(server.WebAddress);
        await using (context)
        {
            await page.GotoAsync("/console/sign-in");
            await SignInAsync(page, tokens.Issue("analyst-li", "ratings:read ratings:figures policy:quote", [YearFiles.Region]));

            // ratings.xlsx: the CLI's header row, one row per stored enterprise, figures filled.
            var sheet = await SheetAsync(page, $"/console/runs/{published.RunId}/ratings.xlsx");
            var layout = new RatingsTableLayout(SchemePresets.Get("zj-standard"), new RatingRun { SchemeId = "", SchemeVersion = "", SchemeHash = "", InputHash = "", Year = ListsYear, Rows = [], Pools = [] });
            Assert.Equal(layout.Headers, sheet[0]);
            Assert.Equal(published.RatedCount + published.ExcludedCount, sheet.Count - 1);
            var codes = rows.Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
            var column = Columns(sheet[0]);
            Assert.All(sheet.Skip(1), row => Assert.Contains(row[column["credit_code"]], codes));
            var rated = sheet.Skip(1).Where(row => row[column["status"]] == "RATED").ToList();
            Assert.Equal(published.RatedCount, rated.Count);
            Assert.All(rated, row => Assert.True(decimal.Parse(row[column["land_mu"]], System.Globalization.CultureInfo.InvariantCulture) > 0));
            Assert.All(rated, row => Assert.NotEqual(string.Empty, row[column["tax_per_mu_value"]]));
            Assert.All(sheet.Skip(1), row => Assert.Equal(published.InputHash, row[column["input_hash"]]));

            // The lists and the summary of the publication in force: the CLI's columns, the run named in each row.
            var lists = await CsvAsync(page, $"/console/runs/{published.RunId}/lists.csv");
            Assert.Equal(ListsTable.Columns.Headers, lists[0]);
            Assert.All(lists.Skip(1), row => Assert.Equal(published.RunId, row[Columns(lists[0])["run_id"]]));
            var summary = await CsvAsync(page, $"/console/runs/{published.RunId}/summary.csv");
            Assert.Equal(SummaryTable.Columns.Headers, summary[0]);
            Assert.Equal(["tax_per_mu", "va_per_mu", "labour_productivity"], summary.Skip(1).Select(r => r[0]));
            Assert.All(summary.Skip(1), row => Assert.Equal(published.RunId, row[Columns(summary[0])["run_id"]]));
            var summaryBook = await SheetAsync(page, $"/console/runs/{published.RunId}/summary.xlsx");
            Assert.Equal(summary.Count, summaryBook.Count);
            Assert.Equal(ListsTable.Columns.Headers, (await SheetAsync(page, $"/console/runs/{published.RunId}/lists.xlsx"))[0]);

            // A draft is no publication: its lists are refused with the reason.
            var refusedDraft = await page.APIRequest.GetAsync($"/console/runs/{draft.RunId}/lists.csv");
            Assert.Equal(409, refusedDraft.Status);
            Assert.Contains("final publication", await refusedDraft.TextAsync(), StringComparison.Ordinal);
            Assert.Equal(409, (await page.APIRequest.GetAsync($"/console/runs/{draft.RunId}/summary.xlsx")).Status);

            // A reader without ratings:figures: the same rows, land and indicator values left empty; no lists.
            await page.GotoAsync("/console/sign-in");
            await SignInAsync(page, tokens.Issue("reader-lh", "ratings:read", [YearFiles.Region]));
            var minimal = await SheetAsync(page, $"/console/runs/{published.RunId}/ratings.xlsx");
            Assert.Equal(sheet.Count, minimal.Count);
            Assert.All(minimal.Skip(1), row => Assert.Equal(string.Empty, row[column["land_mu"]]));
            Assert.All(minimal.Skip(1), row => Assert.Equal(string.Empty, row[column["tax_per_mu_value"]]));
            Assert.Equal(
                sheet.Skip(1).Select(r => r[column["class"]] + r[column["total"]]),
                minimal.Skip(1).Select(r => r[column["class"]] + r[column["total"]]));
            Assert.Equal(403, (await page.APIRequest.GetAsync($"/console/runs/{published.RunId}/lists.csv")).Status);
            Assert.Equal(403, (await page.APIRequest.GetAsync($"/console/runs/{published.RunId}/summary.csv")).Status);

            // Another county's analyst: every file of this run is refused.
            await page.GotoAsync("/console/sign-in");
            await SignInAsync(page, tokens.Issue("analyst-hz", "ratings:read ratings:figures policy:quote", ["3301"]));
            foreach (var file in new[] { "ratings.xlsx", "lists.csv", "lists.xlsx", "summary.csv", "summary.xlsx" })
            {
                Assert.Equal(403, (await page.APIRequest.GetAsync($"/console/runs/{published.RunId}/{file}")).Status);
            }
        }
    }

    private static Dictionary<string, int> Columns(IReadOnlyList<string> header) =>
        header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);

    private static async Task<List<string[]>> CsvAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/csv", response.Headers["content-type"], StringComparison.Ordinal);

        // Sep, the CSV library the writer uses: citations and reasons hold quoted commas.
        var text = (await response.TextAsync()).TrimStart('\uFEFF');
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true }).FromText(text);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>The first sheet's rows as text, read from the package's XML (inline or shared strings, numbers).</summary>
    private static async Task<List<string[]>> SheetAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.Equal(200, response.Status);
        using var zip = new ZipArchive(new MemoryStream(await response.BodyAsync()), ZipArchiveMode.Read);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } strings
            ? XDocument.Load(strings.Open()).Descendants(main + "si").Select(si => string.Concat(si.Descendants(main + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var result = new List<string[]>();
        foreach (var row in sheet.Descendants(main + "row"))
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements(main + "c"))
            {
                var index = ColumnIndex((string)cell.Attribute("r")!);
                while (cells.Count < index)
                {
                    cells.Add(string.Empty);
                }

                var value = (string?)cell.Attribute("t") switch
                {
                    "s" => shared[int.Parse(cell.Element(main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(cell.Descendants(main + "t").Select(t => t.Value)),
                    _ => cell.Element(main + "v")?.Value ?? string.Empty,
                };
                cells.Add(value);
            }

            result.Add([.. cells]);
        }

        // Pad every row to the header's width: trailing empty cells are not written.
        var width = result[0].Length;
        return [.. result.Select(r => r.Length < width ? [.. r, .. Enumerable.Repeat(string.Empty, width - r.Length)] : r)];
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await page.Locator("#token").FillAsync(token);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    private static async Task<Run> SubmitAsync(ServerInstance server, string token, int year, IReadOnlyList<string[]> rows)
    {
        using var channel = server.ChannelAs(token);
        using var call = new EvaluationService.EvaluationServiceClient(channel).SubmitRun();
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = new RunHeader { Region = YearFiles.Region, Year = year, SchemeName = "zj-standard" } });
        var batch = new RecordBatch();
        batch.Records.AddRange(rows.Select(row => EnterpriseRecordFields.FromCells(field => row[(int)field])));
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch });
        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync).Run;
    }
}
