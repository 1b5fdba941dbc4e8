using Grpc.Core;
using MuScore.Core.Policies;
using MuScore.Server.Errors;
using MuScore.Server.Security;
using MuScore.Server.Services;
using MuScore.Server.Wire;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>
/// Policy answers for pricing, land and subsidy systems: validate, read the rating in force
/// (<see cref="PublishedRatingFacts"/>) or a publication's figures (<see cref="PublishedRegionFacts"/>),
/// ask the core <see cref="PolicyEngine"/>, map out.
/// </summary>
[BindServiceMethod(typeof(CheckedBinding.Policy), nameof(CheckedBinding.Policy.BindService))]
internal sealed class PolicyGrpcService(PolicySet policies, PublishedRatingFacts ratings, PublishedRegionFacts regions) : Proto.PolicyService.PolicyServiceBase
{
    public override async Task<Proto.TariffQuote> QuoteTariff(Proto.QuoteTariffRequest request, ServerCallContext context)
    {
        var query = TariffRequests.ToQuery(request);
        RegionGuard.Check(context, "region", query.Region);
        var stale = new StaleReads();
        var rating = await ratings.InForceAsync(query.Region, query.CreditCode, query.BillingDate, stale, context.CancellationToken).ConfigureAwait(false);
        var quote = PolicyMapper.ToProto(PolicyEngine.QuoteTariff(query, policies, rating));
        quote.PossiblyStale = Mark(stale, context);
        return quote;
    }

    public override async Task<Proto.QuoteTariffsResponse> QuoteTariffs(Proto.QuoteTariffsRequest request, ServerCallContext context)
    {
        var queries = TariffRequests.ToQueries(request);
        for (var i = 0; i < queries.Count; i++)
        {
            RegionGuard.Check(context, $"items[{i}].region", queries[i].Region);
        }

        var stale = new StaleReads();
        var facts = await ratings.InForceAsync([.. queries.Select(q => (q.Region, q.CreditCode, q.BillingDate))], stale, context.CancellationToken).ConfigureAwait(false);
        var response = new Proto.QuoteTariffsResponse { PossiblyStale = Mark(stale, context) };
        var mapper = new TariffBatchMapper(response);
        for (var i = 0; i < queries.Count; i++)
        {
            mapper.Add(PolicyEngine.QuoteTariff(queries[i], policies, facts[i]));
        }

        return response;
    }

    public override async Task<Proto.TaxReliefQuote> QuoteTaxRelief(Proto.QuoteTaxReliefRequest request, ServerCallContext context)
    {
        var query = TaxReliefMapper.ToCore(request);
        RegionGuard.Check(context, "region", query.Region);
        var stale = new StaleReads();
        var rating = await ratings.InForceAsync(query.Region, query.CreditCode, query.Date, stale, context.CancellationToken).ConfigureAwait(false);
        var quote = TaxReliefMapper.ToProto(PolicyEngine.QuoteTaxRelief(query, policies, rating));
        quote.PossiblyStale = Mark(stale, context);
        return quote;
    }

    public override async Task<Proto.LandTransferDecision> CheckLandTransfer(Proto.CheckLandTransferRequest request, ServerCallContext context)
    {
        var core = LandMapper.ToCore(request);
        RegionGuard.Check(context, "region", core.Region);
        if (policies.LandRulesInForce(core.Region, core.TransferDate) is not { } rules)
        {
            return LandMapper.NoPolicy(core);
        }

        // Clause (七) reads the receiver's class from the previous year's evaluation.
        var stale = new StaleReads();
        var receiver = await ratings.PreviousYearAsync(core.Region, core.ReceiverCreditCode, core.TransferDate, stale, context.CancellationToken).ConfigureAwait(false);
        var decision = LandMapper.ToProto(PolicyEngine.CheckLandTransfer(core, rules, receiver, request.ReceiverFailsStandards));
        decision.PossiblyStale = Mark(stale, context);
        return decision;
    }

    public override async Task<Proto.SubsidyAssessment> AssessSubsidy(Proto.AssessSubsidyRequest request, ServerCallContext context)
    {
        var core = SubsidyMapper.ToCore(request);
        RegionGuard.Check(context, "region", core.Region);
        var rules = policies.SubsidyRulesInForce(core.Region, core.Date);

        // Clause (九) reads the previous year's evaluation, like land transfers; the others the rating in force.
        var stale = new StaleReads();
        var rating = core.Kind == SubsidyKind.QuotaTransfer
            ? await ratings.PreviousYearAsync(core.Region, core.CreditCode, core.Date, stale, context.CancellationToken).ConfigureAwait(false)
            : await ratings.InForceAsync(core.Region, core.CreditCode, core.Date, stale, context.CancellationToken).ConfigureAwait(false);
        var assessment = SubsidyMapper.ToProto(PolicyEngine.AssessSubsidy(core, rules, rating));
        assessment.PossiblyStale = Mark(stale, context);
        return assessment;
    }

    public override async Task ListLowEfficiency(Proto.ListLowEfficiencyRequest request, IServerStreamWriter<Proto.LowEfficiencyChunk> responseStream, ServerCallContext context)
    {
        var (region, year) = ListMapper.ToCore(request.Region, request.Year);
        RegionGuard.Check(context, "region", region);
        var caller = CallerAccess.Current(context);
        var rules = policies.ListRulesInForce(region, year) ?? throw RpcErrors.NoListRulesInForce(region, year);
        var current = await regions.ReadAsync(region, year, context.CancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.NothingPublished(region, year);
        var previous = await regions.ReadAsync(region, year - 1, context.CancellationToken).ConfigureAwait(false);
        foreach (var chunk in ListMapper.ToChunks(PolicyEngine.FindLowEfficiency(current, previous, rules)))
        {
            if (chunk.PartCase == Proto.LowEfficiencyChunk.PartOneofCase.Entry)
            {
                chunk.Entry = FieldMinimisation.ForCaller(chunk.Entry, caller);
            }

            await responseStream.WriteAsync(chunk, context.CancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<Proto.RegionSummary> SummarizeRegion(Proto.SummarizeRegionRequest request, ServerCallContext context)
    {
        var (region, year) = ListMapper.ToCore(request.Region, request.Year);
        RegionGuard.Check(context, "region", region);
        var rules = policies.ListRulesInForce(region, year) ?? throw RpcErrors.NoListRulesInForce(region, year);
        var facts = await regions.ReadAsync(region, year, context.CancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.NothingPublished(region, year);
        return ListMapper.ToProto(PolicyEngine.SummarizeRegion(facts, rules));
    }

    /// <summary>Sets the stale trailer when a rating read came through an unconfirmed pointer; returns whether it did.</summary>
    private static bool Mark(StaleReads stale, ServerCallContext context)
    {
        StaleAnswers.MarkIf(stale.Any, context);
        return stale.Any;
    }
}
