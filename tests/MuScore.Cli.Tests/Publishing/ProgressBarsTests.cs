using MuScore.Cli.Publishing;
using Spectre.Console.Testing;

namespace MuScore.Cli.Tests.Publishing;

/// <summary>Publish's progress bars on a terminal: one bar per step, with its count, ending at 100 %.</summary>
public sealed class ProgressBarsTests
{
    [Fact]
    public async Task Bars_SentRecords_ShowTheCountAndReachTheEnd()
    {
        var terminal = new TestConsole().Interactive().Width(100);
        var progress = new PublishProgress(TextWriter.Null);

        var result = await ProgressBars.RunAsync(terminal, bars =>
        {
            progress.Bars = bars;
            progress.Checked(1_000_000, 1_000, 1_000);
            progress.Sent(400_000, 400, 1_000);
            progress.Sent(1_000_000, 1_000, 1_000);
            bars.Complete();
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Contains("checked 1,000,000 rows", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("sent 1,000,000 records", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("100%", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_WithoutBars_StayThePlainProgressLines()
    {
        using var error = new StringWriter();
        var progress = new PublishProgress(error);

        progress.Sent(100_000, 500, 1_000);

        Assert.StartsWith("sent 100,000 records (50%), ", error.ToString(), StringComparison.Ordinal);
    }
}
