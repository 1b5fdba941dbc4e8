using Grpc.Core;
using MuScore.Core.Policies;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>
/// Policy answers for pricing, land and subsidy systems: validate, read the rating in force
/// (<see cref="PublishedRatingFacts"/>), ask the core <see cref="PolicyEngine"/>, map out.
/// </summary>
internal sealed class PolicyGrpcService(PolicySet policies, PublishedRatingFacts ratings) : Proto.PolicyService.PolicyServiceBase
{
    public override async Task<Proto.TariffQuote> QuoteTariff(Proto.QuoteTariffRequest request, ServerCallContext context)
    {
        var query = TariffRequests.ToQuery(request);
        var quotes = await QuoteAsync([query], context.CancellationToken).ConfigureAwait(false);
        return PolicyMapper.ToProto(quotes[0]);
    }

    public override async Task<Proto.QuoteTariffsResponse> QuoteTariffs(Proto.QuoteTariffsRequest request, ServerCallContext context)
    {
        var queries = TariffRequests.ToQueries(request);
        var quotes = await QuoteAsync(queries, context.CancellationToken).ConfigureAwait(false);
        var response = new Proto.QuoteTariffsResponse();
        response.Quotes.AddRange(quotes.Select(PolicyMapper.ToProto));
        return response;
    }

    public override async Task<Proto.LandTransferDecision> CheckLandTransfer(Proto.CheckLandTransferRequest request, ServerCallContext context)
    {
        var core = LandMapper.ToCore(request);
        if (policies.LandRulesInForce(core.Region, core.TransferDate) is not { } rules)
        {
            return LandMapper.NoPolicy(core);
        }

        // Clause (七) reads the receiver's class from the previous year's evaluation.
        var year = core.TransferDate.Year - 1;
        var facts = await ratings.ReadAsync(core.Region, [core.ReceiverCreditCode], year, year, core.TransferDate, context.CancellationToken).ConfigureAwait(false);
        var receiver = PublishedRatingFacts.PreviousYear(facts, core.ReceiverCreditCode, core.TransferDate);
        return LandMapper.ToProto(PolicyEngine.CheckLandTransfer(core, rules, receiver, request.ReceiverFailsStandards));
    }

    public override async Task<Proto.SubsidyAssessment> AssessSubsidy(Proto.AssessSubsidyRequest request, ServerCallContext context)
    {
        var core = SubsidyMapper.ToCore(request);
        var rules = policies.SubsidyRulesInForce(core.Region, core.Date);
        RatingFact? rating;
        if (core.Kind == SubsidyKind.QuotaTransfer)
        {
            // Clause (九) reads the previous year's evaluation, like land transfers.
            var year = core.Date.Year - 1;
            var facts = await ratings.ReadAsync(core.Region, [core.CreditCode], year, year, core.Date, context.CancellationToken).ConfigureAwait(false);
            rating = PublishedRatingFacts.PreviousYear(facts, core.CreditCode, core.Date);
        }
        else
        {
            var facts = await ratings.ReadAsync(core.Region, [core.CreditCode], core.Date.Year - PublishedRatingFacts.YearsBack, core.Date.Year, core.Date, context.CancellationToken).ConfigureAwait(false);
            rating = PublishedRatingFacts.InForce(facts, core.CreditCode, core.Date);
        }

        return SubsidyMapper.ToProto(PolicyEngine.AssessSubsidy(core, rules, rating));
    }

    /// <summary>Reads each region's publications once for all its queries, then quotes in request order.</summary>
    private async Task<IReadOnlyList<TariffQuote>> QuoteAsync(IReadOnlyList<TariffQuery> queries, CancellationToken cancellationToken)
    {
        var byRegion = new Dictionary<string, IReadOnlyDictionary<string, List<RatingFact>>>(StringComparer.Ordinal);
        foreach (var group in queries.GroupBy(q => q.Region, StringComparer.Ordinal))
        {
            var codes = group.Select(q => q.CreditCode).Distinct(StringComparer.Ordinal).ToArray();
            var latest = group.Max(q => q.BillingDate);
            var earliestYear = group.Min(q => q.BillingDate.Year) - PublishedRatingFacts.YearsBack;
            byRegion[group.Key] = await ratings.ReadAsync(group.Key, codes, earliestYear, latest.Year, latest, cancellationToken).ConfigureAwait(false);
        }

        return PolicyEngine.QuoteTariffs(
            queries.Select(q => (q, PublishedRatingFacts.InForce(byRegion[q.Region], q.CreditCode, q.BillingDate))),
            policies);
    }
}
