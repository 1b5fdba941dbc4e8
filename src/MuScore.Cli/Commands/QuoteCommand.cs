using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Querying;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Commands;

/// <summary>"muscore quote CODE": the differentiated tariff surcharge for one enterprise on a billing date.</summary>
internal sealed class QuoteCommand : ICommand
{
    public string Name => "quote";

    public string Summary => "ask a MuScore server for an enterprise's differentiated tariff on a date";

    public string Usage => "quote CODE --server URL --region CODE --utility electricity|water|gas --date YYYY-MM-DD [--quantity Q] [--json] " + ConnectionOptions.Usage;

    public string Details =>
        "Calls PolicyService.QuoteTariff: the outcome (QUOTED, NONE_APPLIES, NO_RATING_IN_FORCE,\n" +
        "NO_POLICY_IN_FORCE), the surcharge per unit and, with --quantity, the amount; the policy (id,\n" +
        "version, hash, clause) and the rating (run, version, year, class) it used, and every candidate\n" +
        "row. See docs/cli.md and docs/policy-service.md.\n" +
        "Exit codes: 0 QUOTED or NONE_APPLIES, 2 bad arguments, 4 the server could not be reached or\n" +
        "refused, 6 NO_RATING_IN_FORCE or NO_POLICY_IN_FORCE (the answer is still printed).\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => QuoteOptions.Specs;

    public string Words => "CODE";

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = QuoteOptions.From(args);
        var quote = QueryRunner.Call(
            options.Connection,
            "QuoteTariff",
            async channel => await new PolicyService.PolicyServiceClient(channel).QuoteTariffAsync(options.Request).ConfigureAwait(false));
        console.Out.Write(options.Json ? AnswerJson.Format(quote) : PolicyAnswerText.Quote(quote, console.TableWidth));
        return quote.Status is QuoteStatus.NoRatingInForce or QuoteStatus.NoPolicyInForce ? ExitCodes.NoAnswer : ExitCodes.Success;
    }
}
