using MuScore.Ingest;

namespace MuScore.Cli.Tests.Commands;

public sealed class SampleCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("a.csv")]
    [InlineData("a.xlsx")]
    public void Sample_SameSeed_WritesIdenticalFiles(string name)
    {
        var first = temp.File("1-" + name);
        var second = temp.File("2-" + name);

        CliRun.Of("sample", "--n", "300", "--seed", "77", "--bad-rate", "0.05", "--out", first).Expect(0);
        CliRun.Of("sample", "--n", "300", "--seed", "77", "--bad-rate", "0.05", "--out", second).Expect(0);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Sample_OtherSeed_WritesOtherRows()
    {
        CliRun.Of("sample", "--n", "100", "--seed", "1", "--out", temp.File("1.csv")).Expect(0);
        CliRun.Of("sample", "--n", "100", "--seed", "2", "--out", temp.File("2.csv")).Expect(0);

        var first = File.ReadAllLines(temp.File("1.csv"));
        var second = File.ReadAllLines(temp.File("2.csv"));
        Assert.Equal(first[0], second[0]);
        Assert.Empty(first.Skip(1).Intersect(second.Skip(1)));
    }

    [Theory]
    [InlineData("s.csv", "csv-utf8-bom")]
    [InlineData("s.xlsx", "xlsx")]
    public void Sample_Output_ReadsBackAsATableWithEveryRow(string name, string format)
    {
        var path = temp.File(name);
        CliRun.Of("sample", "--n", "250", "--seed", "9", "--bad-rate", "0.04", "--chinese-headers", "--out", path).Expect(0);

        using var table = TableReader.Open(path);
        var load = RowLoader.Load(table);

        Assert.Equal(format, table.Format);
        Assert.Empty(table.IgnoredHeaders);
        Assert.Equal(250, load.Rows.Count);
        Assert.Equal(10 - 1, load.InvalidCount); // the duplicate pair is found later, by the engine
    }

    [Theory]
    [InlineData("--bad-rate", "1.5", "--bad-rate '1.5' is not a number from 0 to 1")]
    [InlineData("--n", "-3", "--n '-3' is not a whole number")]
    [InlineData("--regions", "33108", "region '33108' is not a 6-digit code")]
    public void Sample_BadOption_ExitsTwo(string option, string value, string expected)
    {
        var args = new List<string> { "sample", "--seed", "1", "--out", temp.File("x.csv") };
        if (option != "--n")
        {
            args.AddRange(["--n", "10"]);
        }

        args.AddRange([option, value]);

        var run = CliRun.Of([.. args]).Expect(2);

        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("x.csv")));
    }
}
