using System.Globalization;
using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Publishing;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Commands;

/// <summary>
/// "muscore publish-run": publishes a run already on the server. It is the second pair of eyes: the
/// clerk uploads with 'publish --no-publish', the head of office (runs:publish) publishes the run id.
/// </summary>
internal sealed class PublishRunCommand : ICommand
{
    public string Name => "publish-run";

    public string Summary => "publish a run already stored on a server (the second pair of eyes)";

    public string Usage => "publish-run --server URL --run RUN_ID [--reason TEXT] " + ConnectionOptions.Usage;

    public string Details =>
        "Calls EvaluationService.PublishRun: the run becomes the next version of its region and year.\n" +
        "The caller that submitted the run may not publish it unless the server allows self-publication.\n" +
        "A run older than the one in force is a rollback and needs --reason. Publishing the run that\n" +
        "already is the newest version changes nothing.\n" +
        "Exit codes: 0 done, 2 bad arguments, 4 the server could not be reached or refused (its status\n" +
        "and reason are printed).\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => PublishRunOptions.Specs;

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = PublishRunOptions.From(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        return RunAsync(options, console).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(PublishRunOptions options, CliConsole console)
    {
        using var connection = ServerConnection.Open(options.Connection);
        var client = new EvaluationService.EvaluationServiceClient(connection.Channel);
        var response = await connection.CallAsync(
            "PublishRun",
            async () => await client.PublishRunAsync(new PublishRunRequest { RunId = options.RunId, Reason = options.Reason ?? string.Empty }).ConfigureAwait(false)).ConfigureAwait(false);
        var publication = response.Publication;
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            run        {publication.RunId}
            published  region {publication.Region}, year {publication.Year}, version {publication.Version}, at {publication.PublishedAt.ToDateTimeOffset():yyyy-MM-ddTHH:mm:ssZ}
            by         {publication.PublishedBy}

            """);
        console.Out.Write(text);
        if (publication.Rollback)
        {
            console.Out.WriteLine("rollback   yes: an older run was put back in force");
        }

        if (publication.Reason.Length > 0)
        {
            console.Out.WriteLine($"reason     {publication.Reason}");
        }

        return ExitCodes.Success;
    }
}
