using System.Globalization;
using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using MuScore.Core.Policies;
using MuScore.Server.Mapping;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>The pieces every policy answer shares on the wire: policy, rating, rule trace, tariff quote.</summary>
internal static class PolicyMapper
{
    // The core shares candidate and policy records between answers of one shape (TariffOutcomes);
    // their wire forms are shared too. Messages in these tables are never mutated after creation.
    private static readonly ConditionalWeakTable<RateCandidate, Proto.RateCandidate> Candidates = [];
    private static readonly ConditionalWeakTable<PolicyRef, Proto.PolicyRef> Policies = [];

    // Facts made from cached ratings are shared too (PublishedRatingFacts), and so their wire form.
    private static readonly ConditionalWeakTable<RatingFact, Proto.RatingUsed> Ratings = [];

    public static Proto.PolicyRef ToProto(PolicyRef policy) => Policies.GetValue(policy, static p => Build(p));

    private static Proto.PolicyRef Build(PolicyRef policy) => new()
    {
        Id = policy.Id,
        Version = policy.Version,
        Hash = policy.Hash,
        Source = policy.Source,
    };

    public static Proto.RatingUsed ToProto(RatingFact rating) => Ratings.GetValue(rating, static r => Build(r));

    private static Proto.RatingUsed Build(RatingFact rating) => new()
    {
        RunId = rating.RunId,
        Version = rating.Version,
        Year = rating.Year,
        PublishedAt = Timestamp.FromDateTimeOffset(rating.PublishedAt),
        RatingClass = RatingMapper.ToProto(rating.Class),
        ConsecutiveDYears = rating.ConsecutiveDYears,
        Region = rating.Region,
    };

    public static Proto.RuleResult ToProto(RuleResult rule) => new()
    {
        RuleId = rule.RuleId,
        Outcome = rule.Status switch
        {
            RuleStatus.Passed => Proto.RuleOutcome.Passed,
            RuleStatus.Failed => Proto.RuleOutcome.Failed,
            RuleStatus.NotApplicable => Proto.RuleOutcome.NotApplicable,
            _ => Proto.RuleOutcome.Review,
        },
        Sentence = rule.Reason,
        Clause = rule.Citation,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Proto.TariffQuote ToProto(TariffQuote quote)
    {
        var message = ToProtoWithoutCandidates(quote);
        message.Candidates.AddRange(quote.Candidates.Select(ToProto));
        return message;
    }

    /// <summary>A quote with its applied policy and no candidates: QuoteTariffs adds them by index (<see cref="TariffBatchMapper"/>).</summary>
    public static Proto.TariffQuote ToProtoWithoutCandidates(TariffQuote quote)
    {
        var message = new Proto.TariffQuote
        {
            CreditCode = quote.Query.CreditCode,
            Region = quote.Query.Region,
            Utility = TariffRequests.ToProto(quote.Query.Utility),
            BillingDate = Date(quote.Query.BillingDate),
            Status = ToProto(quote.Status),
            SurchargePerUnit = DecimalText.Format(quote.SurchargePerUnit),
            Unit = quote.Unit,
            Explanation = quote.Explanation,
        };
        if (quote.Amount is { } amount)
        {
            message.Amount = DecimalText.Format(amount);
        }

        if (quote.Rating is { } rating)
        {
            message.Rating = ToProto(rating);
            message.RatingClass = RatingMapper.ToProto(rating.Class);
            message.ConsecutiveDYears = rating.ConsecutiveDYears;
        }

        if (quote.Applied is { } applied)
        {
            message.Policy = ToProto(applied.Policy);
            message.Clause = applied.Clause;
            message.Citation = applied.Citation;
        }

        return message;
    }

    public static Proto.QuoteStatus ToProto(QuoteStatus status) => status switch
    {
        QuoteStatus.Applies => Proto.QuoteStatus.Quoted,
        QuoteStatus.NoneApplies => Proto.QuoteStatus.NoneApplies,
        QuoteStatus.NoRatingInForce => Proto.QuoteStatus.NoRatingInForce,
        _ => Proto.QuoteStatus.NoPolicyInForce,
    };

    public static Proto.RateCandidate ToProto(RateCandidate candidate) => Candidates.GetValue(candidate, static c => Build(c));

    public static Proto.RateCandidate Build(RateCandidate candidate) => new()
    {
        Policy = ToProto(candidate.Policy),
        Clause = candidate.Clause,
        Citation = candidate.Citation,
        RatingClass = RatingMapper.ToProto(candidate.Class),
        MinConsecutiveDYears = candidate.MinConsecutiveDYears,
        Value = DecimalText.Format(candidate.Value),
        Matches = candidate.Matches,
        Reason = candidate.Reason,
    };
}
