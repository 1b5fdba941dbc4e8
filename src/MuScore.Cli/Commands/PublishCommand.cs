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
        "Reads the table like 'rate' and streams each row's cell text to EvaluationService.SubmitRun; the\n" +
        "server validates and rates it as a draft run, then PublishRun makes it the next version for the\n" +
        "region and year. Rows the wire cannot carry (a boolean that is not true/false, 1/0, yes/no, y/n,\n" +
        "是/否, or cells right of the last header column) are not sent and are listed as rejected.\n" +
        "Exit codes: 0 done (rejected rows are reported, not fatal), 1 files could not be read, 2 bad\n" +
        "arguments, scheme or input table (checked before the server is contacted), 4 the server could\n" +
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
