using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Querying;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Commands;

/// <summary>"muscore land-check REQUEST.json": whether an industrial land transfer may go ahead.</summary>
internal sealed class LandCheckCommand : ICommand
{
    public string Name => "land-check";

    public string Summary => "ask a MuScore server whether a land transfer may go ahead (request from a JSON file)";

    public string Usage => "land-check REQUEST.json --server URL [--json] " + ConnectionOptions.Usage;

    public string Details =>
        "REQUEST.json is a CheckLandTransferRequest in protobuf JSON (docs/cli.md has an example; each\n" +
        "mistake is reported with its JSON path). Calls PolicyService.CheckLandTransfer: ALLOW, DENY or\n" +
        "REVIEW with every rule (id, outcome, clause, sentence), the receiver's rating, the merged term\n" +
        "and the 标准地 obligations.\n" +
        "Exit codes: 0 ALLOW, DENY or REVIEW, 1 the file could not be read, 2 bad arguments or request\n" +
        "file, 4 the server could not be reached or refused, 6 NO_POLICY_IN_FORCE.\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => RequestFileOptions.Specs;

    public string Words => "REQUEST.json";

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = RequestFileOptions.From(args);
        var request = RequestFile.Read<CheckLandTransferRequest>(options.File, CheckLandTransferRequest.Descriptor);
        var decision = QueryRunner.Call(
            options.Connection,
            "CheckLandTransfer",
            async channel => await new PolicyService.PolicyServiceClient(channel).CheckLandTransferAsync(request).ConfigureAwait(false));
        console.Out.Write(options.Json ? AnswerJson.Format(decision) : PolicyAnswerText.Land(decision, console.TableWidth));
        return decision.Outcome == LandOutcome.NoPolicyInForce ? ExitCodes.NoAnswer : ExitCodes.Success;
    }
}
