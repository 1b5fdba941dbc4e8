using MuScore.Core.Policies;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>
/// Maps the quotes of one QuoteTariffs answer. Each policy is listed once on the response and
/// quotes and candidates refer to it by index: repeated per candidate, the policy (id, version,
/// SHA-256, source) made each quote 1,527 bytes instead of 1,059, beyond a default client's 4 MB
/// receive limit long before the item limit (<see cref="TariffRequests.MaxItems"/>).
/// </summary>
internal sealed class TariffBatchMapper(Proto.QuoteTariffsResponse response)
{
    private readonly Dictionary<PolicyRef, int> indexes = [];

    // Quotes of one shape share their candidate records (TariffOutcomes); so do their wire forms
    // within this answer. They are never mutated once built.
    private readonly Dictionary<RateCandidate, Proto.RateCandidate> candidates = new(ReferenceEqualityComparer.Instance);

    public void Add(TariffQuote quote)
    {
        var message = PolicyMapper.ToProtoWithoutCandidates(quote);
        if (quote.Applied is { } applied)
        {
            message.Policy = null;
            message.PolicyIndex = IndexOf(applied.Policy);
        }

        foreach (var candidate in quote.Candidates)
        {
            if (!candidates.TryGetValue(candidate, out var wire))
            {
                wire = PolicyMapper.Build(candidate);
                wire.Policy = null;
                wire.PolicyIndex = IndexOf(candidate.Policy);
                candidates.Add(candidate, wire);
            }

            message.Candidates.Add(wire);
        }

        response.Quotes.Add(message);
    }

    private int IndexOf(PolicyRef policy)
    {
        if (!indexes.TryGetValue(policy, out var index))
        {
            index = response.Policies.Count;
            response.Policies.Add(PolicyMapper.ToProto(policy));
            indexes.Add(policy, index);
        }

        return index;
    }
}
