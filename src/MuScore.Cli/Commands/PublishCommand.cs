using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Publishing;

namespace MuScore.Cli.Commands;

/// <summary>"muscore publish": uploads a table to a MuScore server as a run, publishes it and prints the run summary.</summary>
internal sealed class PublishCommand : ICommand
{
    public string Name => "publish";

    public string Summary => "upload a table to a MuScore server as a run, publish it, print the summary";

    public string Usage =>
        "publish --server URL --input FILE --scheme NAME|FILE --region CODE --year YYYY [--encoding auto|utf-8|gb18030] [--batch N] [--no-publish] [--reason TEXT] [--show-rejected N] " + ConnectionOptions.Usage;

    public string Details =>
        "Sends a CSV file's bytes to EvaluationService.SubmitRun, where the server reads it as 'rate' does;\n" +
        "an .xlsx (or a CSV with an explicit --encoding, or to a server that takes records only) is read\n" +
        "here and each row's cell text sent as a record. The server validates and rates the rows as a\n" +
        "draft run, then PublishRun makes it the next version for the region and year. As records, rows\n" +
        "with cells right of the last header column cannot be sent and are listed as rejected.\n" +
        "Exit codes: 0 done (rejected rows are reported, not fatal), 1 files could not be read, 2 bad\n" +
        "arguments, scheme or input table (its header checked before the server is contacted), 4 the server could\n" +
        "not be reached or answered with an error (its status and field violations are printed).\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => PublishOptions.Specs;

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = PublishOptions.From(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        return PublishRunner.RunAsync(options, console, CancellationToken.None).GetAwaiter().GetResult();
    }
}
