using System.Globalization;
using Grpc.Core;
using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Auditing;

/// <summary>
/// "muscore audit list": the events of a server's audit log through AuditService.ListAuditEvents
/// (scope audit:read), printed as they arrive: one readable line each, or one JSON object each.
/// Exit 0 listed (also when nothing matched), 2 bad arguments, 4 the server could not be reached
/// or refused (PERMISSION_DENIED naming audit:read for a token without it).
/// </summary>
internal sealed class AuditListAction : IAuditAction
{
    private const string Step = "ListAuditEvents";

    public string Name => "list";

    public string Usage =>
        "audit list --server URL [--since TIME] [--until TIME] [--caller ID] [--region PREFIX] [--kind KIND]...\n" +
        "                         [--after SEQ] [--limit N] [--format text|jsonl] [--detail] " + ConnectionOptions.Usage;

    public string Details =>
        "list: the server's audit events, oldest first, that the token may see (scope audit:read; events\n" +
        "of its regions, and events without a region such as server starts only with regions \"*\").\n" +
        "Text: one line per event: sequence, time (UTC), kind, caller, region, year, run id (first 12\n" +
        "characters), version and reason, as far as the event has them; --detail adds the detail JSON.\n" +
        "jsonl: one JSON object per event, keys in a fixed order, every field including both hashes.\n" +
        "At most --limit events (default 1000); when that many came, stderr says how to go on (--after).\n" +
        "To check the chain itself use 'audit verify' against the database.\n" +
        "Exit codes: 0 listed (also none), 2 bad arguments, 4 the server could not be reached or answered\n" +
        "with an error (PERMISSION_DENIED: the token lacks audit:read, or the region is not its own).\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => AuditListOptions.Specs;

    public int Run(ParsedArguments args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var options = AuditListOptions.From(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        var (count, last) = ListAsync(options, console, CancellationToken.None).GetAwaiter().GetResult();
        var limit = options.Request.Limit == 0 ? 1000 : options.Request.Limit;
        if (count == 0)
        {
            console.Error.Write("muscore audit list: no events match\n");
        }
        else if (count == limit)
        {
            console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"muscore audit list: {count} events, the limit; more may follow: add --after {last}\n"));
        }

        return ExitCodes.Success;
    }

    private static async Task<(int Count, long Last)> ListAsync(AuditListOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        using var connection = ServerConnection.Open(options.Connection);
        var client = new AuditService.AuditServiceClient(connection.Channel);
        return await connection.CallAsync(Step, async () =>
        {
            using var call = client.ListAuditEvents(options.Request, cancellationToken: cancellationToken);
            var (count, last) = (0, 0L);
            await foreach (var e in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Written as they arrive: a long listing shows at once and never sits in memory whole.
                console.Out.Write(options.Format == AuditListFormat.Jsonl ? AuditEventJson.Line(e) : AuditEventText.Line(e, options.Detail));
                (count, last) = (count + 1, e.Sequence);
            }

            return (count, last);
        }).ConfigureAwait(false);
    }
}
