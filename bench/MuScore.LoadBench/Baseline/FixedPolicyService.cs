using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.LoadBench.Baseline;

/// <summary>
/// PolicyService with nothing behind it: every QuoteTariff answers the same pre-built quote (the
/// real server's answer captured by `setup`), serialized per call like <see cref="FixedRatingService"/>.
/// No validation, no rating look-up, no policy engine: those are MuScore's own work. The other RPCs
/// stay unimplemented.
/// </summary>
internal sealed class FixedPolicyService(TariffQuote quote) : PolicyService.PolicyServiceBase
{
    public override Task<TariffQuote> QuoteTariff(QuoteTariffRequest request, ServerCallContext context) =>
        Task.FromResult(quote);
}
