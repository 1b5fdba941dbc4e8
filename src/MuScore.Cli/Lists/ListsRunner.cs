using MuScore.Reports.Lists;

namespace MuScore.Cli.Lists;

/// <summary>The lists flow: read the whole stream and check it, write the file, then print the header facts.</summary>
internal static class ListsRunner
{
    public static async Task<int> RunAsync(ReportOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        var lists = await LowEfficiencyReader.ReadAsync(options, cancellationToken).ConfigureAwait(false);
        ReportTable.Write(options, ListsTable.Columns, ListsTable.Rows(lists.Header, lists.Entries));
        console.Out.Write(ListsConsoleText.Format(lists, options));
        return ExitCodes.Success;
    }
}
