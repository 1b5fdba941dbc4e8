using System.Globalization;
using System.Text;
using Google.Protobuf.Collections;
using MuScore.Cli.Output;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Querying;

/// <summary>
/// "muscore quote", "land-check" and "subsidy" as text: the outcome first, then the amounts, the
/// rating and the policy (id, version, hash, clause) the answer was drawn from, and every rule or
/// candidate row the server weighed.
/// </summary>
internal static class PolicyAnswerText
{
    public static string Quote(TariffQuote quote, int width)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var text = new StringBuilder();
        Line(text, "enterprise", $"{quote.CreditCode}, region {quote.Region}");
        Line(text, "utility", $"{ProtoEnumText.Of(quote.Utility)}, billing date {quote.BillingDate}");
        Line(text, "outcome", ProtoEnumText.Of(quote.Status));
        Line(text, "surcharge", $"{quote.SurchargePerUnit} {quote.Unit}".TrimEnd());
        if (quote.HasAmount)
        {
            Line(text, "amount", $"{quote.Amount} 元");
        }

        Policy(text, quote.Policy, quote.Clause, quote.Citation);
        Rating(text, "rating", quote.Rating);
        Line(text, "explains", quote.Explanation);
        if (quote.Candidates.Count > 0)
        {
            var table = TextTable.Create("class", "D years>", "per unit>", "matches", "policy", "clause", "reason");
            foreach (var candidate in quote.Candidates)
            {
                TextTable.AddRow(
                    table,
                    ProtoEnumText.Of(candidate.RatingClass),
                    candidate.MinConsecutiveDYears.ToString(CultureInfo.InvariantCulture),
                    candidate.Value,
                    candidate.Matches ? "yes" : "no",
                    candidate.Policy is { } policy ? $"{policy.Id} {policy.Version}" : string.Empty,
                    candidate.Clause,
                    candidate.Reason);
            }

            text.Append("\ncandidates:\n").Append(TextTable.Render(table, width));
        }

        Stale(text, quote.PossiblyStale);
        return text.ToString();
    }

    public static string Land(LandTransferDecision decision, int width)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var text = new StringBuilder();
        Line(text, "outcome", ProtoEnumText.Of(decision.Outcome));
        Line(text, "summary", decision.Summary);
        Policy(text, decision.Policy, string.Empty, string.Empty);
        Rating(text, "receiver", decision.ReceiverRating);
        if (decision.HasMergedTermEndDate || decision.HasMergedRemainingTermYears)
        {
            Line(text, "merged", $"term ends {Or(decision.MergedTermEndDate)}, {Or(decision.MergedRemainingTermYears)} years remaining");
        }

        Rules(text, decision.Rules, width);
        foreach (var obligation in decision.Obligations)
        {
            Line(text, "obligation", $"parcel {obligation.ParcelId}: {obligation.Text}");
        }

        Stale(text, decision.PossiblyStale);
        return text.ToString();
    }

    public static string Subsidy(SubsidyAssessment assessment, int width)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var text = new StringBuilder();
        Line(text, "kind", assessment.Kind);
        Line(text, "outcome", ProtoEnumText.Of(assessment.Outcome));
        Line(text, "summary", assessment.Summary);
        if (assessment.HasAmountYuan)
        {
            var cap = assessment.HasCapYuan ? $", cap {assessment.CapYuan} 元" : string.Empty;
            var uncapped = assessment.HasUncappedAmountYuan ? $" (uncapped {assessment.UncappedAmountYuan} 元{cap})" : string.Empty;
            Line(text, "amount", $"{assessment.AmountYuan} 元{uncapped}");
        }

        foreach (var entitlement in assessment.Entitlements)
        {
            var value = entitlement.HasValue ? $" {entitlement.Value} {entitlement.Unit}".TrimEnd() : string.Empty;
            Line(text, "entitles", $"{entitlement.Code}{value}: {entitlement.Description}");
        }

        Policy(text, assessment.Policy, string.Empty, string.Empty);
        Rating(text, "rating", assessment.Rating);
        Rules(text, assessment.Rules, width);
        Stale(text, assessment.PossiblyStale);
        return text.ToString();
    }

    private static void Rules(StringBuilder text, RepeatedField<RuleResult> rules, int width)
    {
        if (rules.Count == 0)
        {
            return;
        }

        var table = TextTable.Create("rule", "outcome", "clause", "sentence");
        foreach (var rule in rules)
        {
            TextTable.AddRow(table, rule.RuleId, ProtoEnumText.Of(rule.Outcome), rule.Clause, rule.Sentence);
        }

        text.Append("\nrules:\n").Append(TextTable.Render(table, width));
    }

    private static void Policy(StringBuilder text, PolicyRef? policy, string clause, string citation)
    {
        if (policy is null || policy.Id.Length == 0)
        {
            Line(text, "policy", "none applied");
            return;
        }

        Line(text, "policy", $"{policy.Id} version {policy.Version} (sha256 {policy.Hash})");
        if (clause.Length > 0)
        {
            Line(text, "clause", clause);
        }

        if (citation.Length > 0 || policy.Source.Length > 0)
        {
            Line(text, "source", citation.Length > 0 ? citation : policy.Source);
        }
    }

    private static void Rating(StringBuilder text, string label, RatingUsed? rating)
    {
        if (rating is null || rating.RunId.Length == 0)
        {
            Line(text, label, "no rating in force was used");
            return;
        }

        var at = rating.PublishedAt is { } time ? time.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(no time)";
        var dYears = rating.ConsecutiveDYears > 0 ? string.Create(CultureInfo.InvariantCulture, $", D {rating.ConsecutiveDYears} years in a row") : string.Empty;
        Line(text, label, string.Create(
            CultureInfo.InvariantCulture,
            $"class {ProtoEnumText.Of(rating.RatingClass)}{dYears}: region {rating.Region}, year {rating.Year}, version {rating.Version}, run {rating.RunId}, published {at}"));
    }

    private static void Stale(StringBuilder text, bool stale)
    {
        if (stale)
        {
            Line(text, "stale", "possibly: the server answered from its cache while its database was unreachable");
        }
    }

    private static string Or(string value) => value.Length > 0 ? value : "-";

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(11)).Append(value).Append('\n');
}
