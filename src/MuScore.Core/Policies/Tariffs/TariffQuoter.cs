namespace MuScore.Core.Policies;

/// <summary>Quotes differentiated tariffs and land-use tax reliefs (docs/method.md §8).</summary>
internal static class TariffQuoter
{
    public static TariffQuote Quote(TariffQuery query, PolicySet policies, RatingFact? rating)
    {
        // The rating's code never enters the outcome, so enterprises of one shape share it.
        var shape = TariffShape.Of(query, rating);
        if (!policies.TariffOutcomes.TryGet(shape, out var outcome))
        {
            outcome = policies.TariffOutcomes.Add(shape, Evaluate(query, policies, rating));
        }

        return new TariffQuote
        {
            Query = query,
            Status = outcome.Status,
            Rating = rating,
            SurchargePerUnit = outcome.PerUnit,
            Unit = query.Utility.SurchargeUnit(),
            Amount = query.Quantity is { } quantity ? Money.ToFen(outcome.PerUnit * quantity) : null,
            Applied = outcome.Applied,
            Candidates = outcome.Candidates,
            Explanation = outcome.Explanation,
        };
    }

    private static TariffOutcome Evaluate(TariffQuery query, PolicySet policies, RatingFact? rating)
    {
        var unit = query.Utility.SurchargeUnit();
        var tables = policies.TariffsInForce(query.Region, query.Utility, query.BillingDate);
        var (candidates, best) = RateTables.Evaluate(tables.Select(t => (t.Policy, (PolicySection)t.Section, t.Section.Surcharges)), rating, unit);
        var (status, explanation) = Explain(tables.Count == 0, rating, best, candidates.Count(c => c.Matches), unit,
            $"{query.Utility.Code()} surcharge table of region {query.Region}", query.BillingDate, "surcharges");
        var applies = status == QuoteStatus.Applies;
        return new TariffOutcome(status, applies ? best!.Value : 0m, applies ? best : null, candidates, explanation);
    }

    public static TaxReliefQuote Quote(TaxReliefQuery query, PolicySet policies, RatingFact? rating)
    {
        var tables = policies.TaxReliefsInForce(query.Region, query.Date);
        var (candidates, best) = RateTables.Evaluate(tables.Select(t => (t.Policy, (PolicySection)t.Section, t.Section.Reliefs)), rating, "%");
        var (status, explanation) = Explain(tables.Count == 0, rating, best, candidates.Count(c => c.Matches), "%",
            $"land-use tax relief table of region {query.Region}", query.Date, "reliefs");
        var percent = status == QuoteStatus.Applies ? best!.Value : 0m;
        return new TaxReliefQuote
        {
            Query = query,
            Status = status,
            Rating = rating,
            ReliefPercent = percent,
            ReliefAmount = query.AssessedTaxYuan is { } tax ? Money.ToFen(tax * percent / 100m) : null,
            Applied = status == QuoteStatus.Applies ? best : null,
            Candidates = candidates,
            Explanation = explanation,
        };
    }

    private static (QuoteStatus Status, string Explanation) Explain(
        bool noTables, RatingFact? rating, RateCandidate? best, int matching, string unit, string what, DateOnly date, string plural)
    {
        var day = EffectivePeriod.Day(date);
        if (noTables)
        {
            return (QuoteStatus.NoPolicyInForce, $"No {what} is in force on {day}: nothing applies.");
        }

        if (rating is null)
        {
            return (QuoteStatus.NoRatingInForce, $"No published rating of the enterprise is in force on {day}: nothing applies.");
        }

        var used = $"{RateTables.Describe(rating)} ({rating.Describe()})";
        if (best is null)
        {
            return (QuoteStatus.NoneApplies, $"{char.ToUpperInvariant(used[0])}{used[1..]}: no row of the {what} in force on {day} matches.");
        }

        var explanation = FormattableString.Invariant(
            $"{char.ToUpperInvariant(used[0])}{used[1..]}: {Money.Text(best.Value)} {unit} under {best.Citation} ({best.Policy.Id} version {best.Policy.Version}), the highest of {matching} matching row{(matching == 1 ? string.Empty : "s")}; {plural} do not stack.");
        return (QuoteStatus.Applies, explanation);
    }
}
