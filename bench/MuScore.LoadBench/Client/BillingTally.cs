using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// Checks every QuoteTariffs answer of a billing run and counts the statuses. A billing run of
/// published enterprises may only see QUOTED, NONE_APPLIES or NO_RATING_IN_FORCE (an EXCLUDED
/// enterprise); NO_POLICY_IN_FORCE or a quote for another enterprise stops the run. Thread-safe:
/// parallel calls report into one tally.
/// </summary>
internal sealed class BillingTally
{
    private readonly Lock gate = new();
    private int calls;
    private double totalCallMs;

    public int Quoted { get; private set; }

    public int NoneApplies { get; private set; }

    public int NoRating { get; private set; }

    public double MaxCallMs { get; private set; }

    public double MeanCallMs => calls == 0 ? 0 : totalCallMs / calls;

    public void Add(QuoteTariffsRequest request, QuoteTariffsResponse response, double callMs)
    {
        if (response.Quotes.Count != request.Items.Count)
        {
            throw new BenchFailure(Text($"asked for {request.Items.Count} quotes, got {response.Quotes.Count}"));
        }

        int quoted = 0, none = 0, noRating = 0;
        for (var i = 0; i < response.Quotes.Count; i++)
        {
            var (item, quote) = (request.Items[i], response.Quotes[i]);
            if (quote.CreditCode != item.CreditCode || quote.Region != item.Region || quote.BillingDate != item.BillingDate || quote.Utility != item.Utility)
            {
                throw new BenchFailure(Text($"quote {i} should answer {item.CreditCode} {item.Region} {item.Utility} {item.BillingDate}, got {quote}"));
            }

            // Each status must carry what it promises (docs/policy-service.md), not just the enum. A
            // batch answer names each policy by index into response.policies (listed once per answer).
            var consistent = quote.Status switch
            {
                QuoteStatus.Quoted => quote.Rating is not null && quote.SurchargePerUnit != "0" && quote.HasAmount && Resolves(response, quote.PolicyIndex),
                QuoteStatus.NoneApplies => quote.Rating is not null && quote.SurchargePerUnit == "0" && quote.Candidates.Count > 0,
                QuoteStatus.NoRatingInForce => quote.Rating is null && quote.SurchargePerUnit == "0",
                _ => false,
            };
            if (!consistent || !quote.Candidates.All(c => Resolves(response, c.PolicyIndex)))
            {
                throw new BenchFailure(Text($"quote {i} of {item.CreditCode} is not a consistent QUOTED, NONE_APPLIES or NO_RATING_IN_FORCE answer: {quote}"));
            }

            if (quote.Status == QuoteStatus.Quoted)
            {
                quoted++;
            }
            else if (quote.Status == QuoteStatus.NoneApplies)
            {
                none++;
            }
            else
            {
                noRating++;
            }
        }

        lock (gate)
        {
            Quoted += quoted;
            NoneApplies += none;
            NoRating += noRating;
            calls++;
            totalCallMs += callMs;
            MaxCallMs = Math.Max(MaxCallMs, callMs);
        }
    }

    public override string ToString() =>
        Text($"QUOTED {Quoted}, NONE_APPLIES {NoneApplies}, NO_RATING_IN_FORCE {NoRating}; calls mean {MeanCallMs:F1} ms, slowest {MaxCallMs:F1} ms");

    private static bool Resolves(QuoteTariffsResponse response, int policyIndex) =>
        policyIndex >= 0 && policyIndex < response.Policies.Count;
}
