using MuScore.Reports.Lists;

namespace MuScore.Cli.Lists;

/// <summary>The summary flow: one call, the file, then the table on stdout.</summary>
internal static class SummaryRunner
{
    public static async Task<int> RunAsync(ReportOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        var summary = await RegionSummaryReader.ReadAsync(options, cancellationToken).ConfigureAwait(false);
        ReportTable.Write(options, SummaryTable.Columns, SummaryTable.Rows(summary));
        console.Out.Write(SummaryConsoleText.Format(summary, options, console.TableWidth));
        return ExitCodes.Success;
    }
}
