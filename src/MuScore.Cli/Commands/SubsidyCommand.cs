using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Querying;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Commands;

/// <summary>"muscore subsidy REQUEST.json": whether an application earns a subsidy, and how much.</summary>
internal sealed class SubsidyCommand : ICommand
{
    public string Name => "subsidy";

    public string Summary => "ask a MuScore server to assess a subsidy application (request from a JSON file)";

    public string Usage => "subsidy REQUEST.json --server URL [--json] " + ConnectionOptions.Usage;

    public string Details =>
        "REQUEST.json is an AssessSubsidyRequest in protobuf JSON with one application: equipment_renovation,\n" +
        "vertical_factory, dormitory_land or quota_transfer (docs/cli.md has an example; each mistake is\n" +
        "reported with its JSON path). Calls PolicyService.AssessSubsidy: ELIGIBLE, NOT_ELIGIBLE or REVIEW,\n" +
        "the amount after the cap, entitlements, every rule, the rating and the policy used.\n" +
        "Exit codes: 0 ELIGIBLE, NOT_ELIGIBLE or REVIEW, 1 the file could not be read, 2 bad arguments or\n" +
        "request file, 4 the server could not be reached or refused, 6 NO_POLICY_IN_FORCE.\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => RequestFileOptions.Specs;

    public string Words => "REQUEST.json";

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = RequestFileOptions.From(args);
        var request = RequestFile.Read<AssessSubsidyRequest>(options.File, AssessSubsidyRequest.Descriptor);
        var assessment = QueryRunner.Call(
            options.Connection,
            "AssessSubsidy",
            async channel => await new PolicyService.PolicyServiceClient(channel).AssessSubsidyAsync(request).ConfigureAwait(false));
        console.Out.Write(options.Json ? AnswerJson.Format(assessment) : PolicyAnswerText.Subsidy(assessment, console.TableWidth));
        return assessment.Outcome == SubsidyOutcome.NoPolicyInForce ? ExitCodes.NoAnswer : ExitCodes.Success;
    }
}
