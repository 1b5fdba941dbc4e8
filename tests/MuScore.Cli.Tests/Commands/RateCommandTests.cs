using System.Text.Json;

namespace MuScore.Cli.Tests.Commands;

public sealed class RateCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Rate_FileWithBadRows_AccountsForEveryInputRowExactlyOnce()
    {
        var input = Sample("county.csv", count: 600, seed: 3, badRate: 0.05);
        var output = temp.File("out");

        Rate(input, output, "331082").Expect(0);

        var ratings = CsvFile.Read(Path.Combine(output, "ratings.csv"));
        Assert.Equal(Enumerable.Range(2, 600).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), ratings.Values("row"));
        var statuses = ratings.Values("status").GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(600, statuses.Values.Sum());
        Assert.Equal(["EXCLUDED", "INVALID", "RATED"], statuses.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(ratings.Rows, r => r[ratings.Column("reason")] == "other_region");

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var rows = summary.RootElement.GetProperty("rows");
        Assert.Equal(600, rows.GetProperty("total").GetInt32());
        Assert.Equal(statuses["RATED"], rows.GetProperty("rated").GetInt32());
        Assert.Equal(statuses["EXCLUDED"], rows.GetProperty("excluded").GetInt32());
        Assert.Equal(statuses["INVALID"], rows.GetProperty("invalid").GetInt32());
        var pooled = summary.RootElement.GetProperty("pools").EnumerateArray().Sum(p => p.GetProperty("size").GetInt32());
        Assert.Equal(statuses["RATED"], pooled);
    }

    [Fact]
    public void Rate_FileWithBadRows_ListsEveryInvalidRowInErrorsCsv()
    {
        var input = Sample("county.csv", count: 600, seed: 3, badRate: 0.05);
        var output = temp.File("out");

        Rate(input, output, "331082").Expect(0);

        var ratings = CsvFile.Read(Path.Combine(output, "ratings.csv"));
        var errors = CsvFile.Read(Path.Combine(output, "errors.csv"));
        var invalidRows = ratings.Rows.Where(r => r[1] == "INVALID").Select(r => r[0]).ToList();
        Assert.Equal(invalidRows, errors.Values("row").Distinct());
        Assert.Equal(ratings.Rows.Where(r => r[1] == "INVALID").Sum(r => r[2].Split(" | ").Length), errors.Rows.Count);
        Assert.Contains(errors.Rows, e => e[errors.Column("column")] == "tax" && e[errors.Column("column_zh")] == "实缴税金" && e[errors.Column("rule")] == "negative");
        Assert.Contains(errors.Rows, e => e[errors.Column("rule")] == "duplicate_credit_code");
        Assert.Contains(errors.Rows, e => e[errors.Column("rule")] == "blank_row" && e[errors.Column("column")].Length == 0);
    }

    [Fact]
    public void Rate_SameInputTwice_WritesByteIdenticalFiles()
    {
        var input = Sample("county.csv", count: 400, seed: 8, badRate: 0.04);

        Rate(input, temp.File("first"), "331082").Expect(0);
        Rate(input, temp.File("second"), "331082").Expect(0);

        foreach (var name in new[] { "ratings.csv", "ratings.xlsx", "errors.csv", "summary.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("first"), name)), File.ReadAllBytes(Path.Combine(temp.File("second"), name)));
        }
    }

    [Fact]
    public void Rate_ShuffledRows_GiveEveryEnterpriseTheSameRating()
    {
        var input = Sample("county.csv", count: 500, seed: 12, badRate: 0.02, regions: "331082,330603");
        var lines = File.ReadAllLines(input);
        var shuffled = lines.Skip(1).Select((line, i) => (line, key: (i * 7919L) % 499)).OrderBy(x => x.key).Select(x => x.line);
        var shuffledInput = temp.File("shuffled.csv");
        File.WriteAllLines(shuffledInput, lines.Take(1).Concat(shuffled));

        Rate(input, temp.File("a"), "all").Expect(0);
        Rate(shuffledInput, temp.File("b"), "all").Expect(0);

        var original = ByCreditCode(CsvFile.Read(Path.Combine(temp.File("a"), "ratings.csv")));
        var reordered = ByCreditCode(CsvFile.Read(Path.Combine(temp.File("b"), "ratings.csv")));
        Assert.True(original.Count > 400);
        Assert.Equal(original.Keys.Order(StringComparer.Ordinal), reordered.Keys.Order(StringComparer.Ordinal));
        Assert.All(original, pair => Assert.Equal(pair.Value, reordered[pair.Key]));
    }

    [Fact]
    public void Rate_XlsxInput_GivesTheSameRatingsAsCsv()
    {
        var csv = Sample("county.csv", count: 300, seed: 21, badRate: 0.04);
        var xlsx = Sample("county.xlsx", count: 300, seed: 21, badRate: 0.04);

        Rate(csv, temp.File("csv"), "331082").Expect(0);
        Rate(xlsx, temp.File("xlsx"), "331082").Expect(0);

        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("csv"), "ratings.csv")), File.ReadAllBytes(Path.Combine(temp.File("xlsx"), "ratings.csv")));
    }

    [Fact]
    public void Rate_Gb18030Csv_GivesTheSameRatingsAsUtf8()
    {
        var utf8 = Sample("county.csv", count: 200, seed: 31, badRate: 0.04);
        var gb18030 = temp.File("county-gbk.csv");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        File.WriteAllText(gb18030, File.ReadAllText(utf8), System.Text.Encoding.GetEncoding("GB18030"));

        Rate(utf8, temp.File("utf8"), "331082").Expect(0);
        Rate(gb18030, temp.File("gbk"), "331082", "--encoding", "gb18030").Expect(0);

        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("utf8"), "ratings.csv")), File.ReadAllBytes(Path.Combine(temp.File("gbk"), "ratings.csv")));
        Assert.Contains("\"format\": \"csv-gb18030\"", File.ReadAllText(Path.Combine(temp.File("gbk"), "summary.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_WithLastYearsRatings_CountsConsecutiveDYears()
    {
        var lastYear = Sample("2023.csv", count: 800, seed: 4, badRate: 0, year: 2023);
        var thisYear = Sample("2024.csv", count: 800, seed: 4, badRate: 0, year: 2024);
        CliRun.Of("rate", "--input", lastYear, "--scheme", "zj-standard", "--region", "331082", "--year", "2023", "--out", temp.File("2023")).Expect(0);

        Rate(thisYear, temp.File("2024"), "331082", "--history", Path.Combine(temp.File("2023"), "ratings.csv")).Expect(0);

        var before = CsvFile.Read(Path.Combine(temp.File("2023"), "ratings.csv"));
        var wasD = before.Rows.Where(r => r[1] == "RATED" && r[before.Column("class")] == "D").Select(r => r[3]).ToHashSet();
        var now = CsvFile.Read(Path.Combine(temp.File("2024"), "ratings.csv"));
        var nowD = now.Rows.Where(r => r[now.Column("class")] == "D").ToList();
        Assert.Contains(nowD, r => wasD.Contains(r[3]));
        Assert.All(nowD, r => Assert.Equal(wasD.Contains(r[3]) ? "2" : "1", r[now.Column("consecutive_d_years")]));
        Assert.All(now.Rows.Where(r => r[1] == "RATED" && r[now.Column("class")] != "D"), r => Assert.Equal("0", r[now.Column("consecutive_d_years")]));
    }

    [Fact]
    public void Rate_StrictWithABadRow_ExitsThreeNamingRowColumnAndRuleAndWritesNothing()
    {
        var input = Sample("county.csv", count: 300, seed: 2024, badRate: 0.04);
        var output = temp.File("out");

        var run = Rate(input, output, "331082", "--strict").Expect(3);

        Assert.Contains("row 26, column credit_code, rule credit_code_check", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }

    [Fact]
    public void Rate_StrictWithADuplicateCode_ExitsThreeNamingTheDuplicate()
    {
        var input = Sample("county.csv", count: 50, seed: 6, badRate: 0);
        var lines = File.ReadAllLines(input).ToList();
        lines.Add(lines[5]);
        File.WriteAllLines(input, lines);

        var run = Rate(input, temp.File("out"), "all", "--strict").Expect(3);

        Assert.Contains("row 6, column credit_code, rule duplicate_credit_code", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x09, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00, 0x07 })]
    [InlineData(new byte[0])]
    public void Rate_NotATable_ExitsTwoWithOneLineAndNoStackTrace(byte[] content)
    {
        var input = temp.File("input.csv");
        File.WriteAllBytes(input, content);

        var run = Rate(input, temp.File("out"), "331082").Expect(2);

        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("input.csv", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run.Error);
        Assert.Empty(run.Out);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Rate_InvalidSchemeFile_ExitsTwoNamingTheJsonPath()
    {
        var input = Sample("county.csv", count: 20, seed: 1, badRate: 0);
        var scheme = temp.File("scheme.json");
        var json = MuScore.Core.Schemes.SchemePresets.GetJson("zj-standard").Replace("\"weight\": 20", "\"weight\": -20", StringComparison.Ordinal);
        File.WriteAllText(scheme, json);

        var run = CliRun.Of("rate", "--input", input, "--scheme", scheme, "--region", "331082", "--year", "2024", "--out", temp.File("out")).Expect(2);

        Assert.Contains("pools[0].indicators[1].weight", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Theory]
    [InlineData("--bogus", "x", "unknown option '--bogus'")]
    [InlineData("--region", "33108", "--region '33108' is not a 6-digit region code")]
    [InlineData("--year", "24", "--year '24' is not a whole number")]
    [InlineData("--scheme", "no-such-scheme", "scheme 'no-such-scheme' is neither a preset")]
    public void Rate_BadArgument_ExitsTwoWithAClearMessage(string option, string value, string expected)
    {
        var input = Sample("county.csv", count: 20, seed: 1, badRate: 0);
        var args = new Dictionary<string, string>
        {
            ["--input"] = input,
            ["--scheme"] = "zj-standard",
            ["--region"] = "331082",
            ["--year"] = "2024",
            ["--out"] = temp.File("out"),
        };
        args[option] = value;

        var run = CliRun.Of(["rate", .. args.SelectMany(a => new[] { a.Key, a.Value })]).Expect(2);

        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run.Error);
    }

    [Fact]
    public void Rate_MissingOption_ExitsTwoWithUsage()
    {
        var run = CliRun.Of("rate", "--scheme", "zj-standard").Expect(2);

        Assert.Contains("missing --input FILE", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore rate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_SmallFile_PrintsTheSummaryTableAndNoProgress()
    {
        var input = Sample("county.csv", count: 200, seed: 5, badRate: 0.02);

        var run = Rate(input, temp.File("out"), "331082").Expect(0);

        Assert.Contains("rows: 200 total", run.Out, StringComparison.Ordinal);
        Assert.Contains("331082 ABOVE", run.Out, StringComparison.Ordinal);
        Assert.Contains("tax_per_mu ", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    private static void AssertNoStackTrace(string error)
    {
        Assert.DoesNotContain("\n   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ByCreditCode(CsvFile ratings)
    {
        // Only rows whose code is unique and valid are one enterprise; row and input_hash follow the file order by design.
        string[] orderDependent = ["row", "input_hash"];
        var keep = Enumerable.Range(0, ratings.Headers.Length).Where(i => !orderDependent.Contains(ratings.Headers[i])).ToArray();
        return ratings.Rows
            .Where(r => r[1] != "INVALID")
            .ToDictionary(r => r[3], r => string.Join(",", keep.Select(i => r[i])), StringComparer.Ordinal);
    }

    private string Sample(string name, int count, long seed, double badRate, string regions = "331082,330603,320803", int year = 2024)
    {
        var path = temp.File(name);
        CliRun.Of("sample", "--n", Invariant(count), "--seed", Invariant(seed), "--bad-rate", Invariant(badRate), "--year", Invariant(year), "--regions", regions, "--out", path, "--chinese-headers").Expect(0);
        return path;
    }

    private static CliRun Rate(string input, string output, string region, params string[] more) =>
        CliRun.Of(["rate", "--input", input, "--scheme", "zj-standard", "--region", region, "--year", "2024", "--out", output, .. more]);

    private static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
}
