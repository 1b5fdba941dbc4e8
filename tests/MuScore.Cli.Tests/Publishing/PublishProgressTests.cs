using System.Text;
using MuScore.Cli.Publishing;

namespace MuScore.Cli.Tests.Publishing;

public sealed class PublishProgressTests
{
    [Fact]
    public void Progress_SmallInput_PrintsNothing()
    {
        var error = new StringWriter(new StringBuilder());
        var progress = new PublishProgress(error);

        for (var row = 1; row <= 99_999; row++)
        {
            progress.Checked(row, row, 99_999);
        }

        progress.Sent(99_999, 99_999, 99_999);
        progress.Phase("published");

        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Progress_LargeInputInOddBatches_PrintsALineForEveryHundredThousandPassed()
    {
        var error = new StringWriter(new StringBuilder());
        var progress = new PublishProgress(error);

        for (var row = 1; row <= 250_000; row++)
        {
            progress.Checked(row, row, 250_000);
        }

        // Batches of 300 never land on a multiple of 100,000.
        for (var sent = 300; sent <= 250_000; sent += 300)
        {
            progress.Sent(sent, sent, 250_000);
        }

        progress.Phase("published");

        var lines = error.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(
            ["checked 100,000 rows (40%)", "checked 200,000 rows (80%)", "sent 100,200 records (40%)", "sent 200,100 records (80%)", "published"],
            lines.Select(l => l[..l.LastIndexOf(',')]));
    }

    [Fact]
    public void Progress_LargeFileSentAsATable_PrintsALineForEveryTenthSent()
    {
        var error = new StringWriter(new StringBuilder());
        var progress = new PublishProgress(error);
        const long length = 50L * 1024 * 1024;

        for (long sent = 1024 * 1024; sent <= length; sent += 1024 * 1024)
        {
            progress.Uploaded(sent, length);
        }

        progress.Phase("published");

        var lines = error.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.Equal("sent 5 MiB (10%)", lines[0][..lines[0].LastIndexOf(',')]);
        Assert.Equal("sent 50 MiB (100%)", lines[9][..lines[9].LastIndexOf(',')]);
        Assert.StartsWith("published, ", lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_SmallFileSentAsATable_PrintsNothing()
    {
        var error = new StringWriter(new StringBuilder());
        var progress = new PublishProgress(error);

        progress.Uploaded(1024 * 1024, 1024 * 1024);
        progress.Phase("published");

        Assert.Empty(error.ToString());
    }
}
