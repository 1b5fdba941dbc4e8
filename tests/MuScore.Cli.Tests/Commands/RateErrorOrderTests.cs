namespace MuScore.Cli.Tests.Commands;

/// <summary>
/// The scheme and history are read while the table is read; when several inputs are bad, the user
/// is still told first about the scheme, then the history, then the table, as when they were read
/// one after the other.
/// </summary>
public sealed class RateErrorOrderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Rate_BadSchemeAndInputThatIsNotATable_ReportsTheScheme()
    {
        var input = temp.File("input.csv");
        File.WriteAllBytes(input, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x09, 0x00]);

        var run = CliRun.Of("rate", "--input", input, "--scheme", "no-such-scheme", "--region", "331082", "--year", "2024", "--out", temp.File("out")).Expect(2);

        Assert.Contains("scheme 'no-such-scheme' is neither a preset", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("input.csv", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Rate_MissingHistoryAndMissingInput_ReportsTheHistory()
    {
        var missingHistory = temp.File("history-2023.csv");
        var missingInput = temp.File("county.csv");

        var run = CliRun.Of("rate", "--input", missingInput, "--scheme", "zj-standard", "--region", "331082", "--year", "2024", "--history", missingHistory, "--out", temp.File("out")).Expect(2);

        Assert.Contains($"history file '{missingHistory}' does not exist", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("input file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_BadSchemeWithAGoodInput_ReportsTheSchemeAndWritesNothing()
    {
        var input = temp.File("county.csv");
        CliRun.Of("sample", "--n", "50", "--seed", "4", "--out", input).Expect(0);

        var run = CliRun.Of("rate", "--input", input, "--scheme", "no-such-scheme", "--region", "331082", "--year", "2024", "--out", temp.File("out")).Expect(2);

        Assert.Contains("scheme 'no-such-scheme' is neither a preset", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
