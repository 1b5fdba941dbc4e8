namespace MuScore.Core.Policies;

/// <summary>
/// The policy answers a pricing, land or subsidy system asks for (docs/method.md §8, seed 004), as
/// pure functions over plain records: the server supplies the published rating in force
/// (<see cref="RatingInForce"/>) and the policies in force (<see cref="PolicySet"/>); dates come in,
/// no clock is read, and the same inputs always give the same answer. Every answer names the
/// rating (run id, version, year) and the policy (id, version, hash, clause) it used.
/// Requests have a <c>Validate()</c> method; an invalid request, or rules not in force on the
/// request's date, is a caller error (<see cref="ArgumentException"/>). Expected outcomes — no
/// rating, no policy, a rule failed — are answers, never exceptions.
/// </summary>
public static class PolicyEngine
{
    /// <summary>
    /// The differentiated tariff for one enterprise, utility and billing date: every matching row of
    /// every table in force is a candidate and only the highest applies. No rating in force gives
    /// <see cref="QuoteStatus.NoRatingInForce"/> with nothing charged.
    /// </summary>
    /// <param name="query">The query (validated).</param>
    /// <param name="policies">The policies to answer from.</param>
    /// <param name="rating">The enterprise's rating in force on the billing date (<see cref="RatingInForce.Pick(IEnumerable{RatingFact}, DateOnly)"/>); null when none.</param>
    public static TariffQuote QuoteTariff(TariffQuery query, PolicySet policies, RatingFact? rating)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(policies);
        InputProblem.ThrowIfAny(query.Validate(), nameof(query));
        RateTables.CheckRating(rating, query.CreditCode, query.Region, query.BillingDate);
        return TariffQuoter.Quote(query, policies, rating);
    }

    /// <summary>Quotes many enterprises for one billing run, in input order (the batch form of <see cref="QuoteTariff"/>).</summary>
    /// <param name="items">Each query with its rating in force (null when none).</param>
    /// <param name="policies">The policies to answer from.</param>
    public static IReadOnlyList<TariffQuote> QuoteTariffs(IEnumerable<(TariffQuery Query, RatingFact? Rating)> items, PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Select(item => QuoteTariff(item.Query, policies, item.Rating))];
    }

    /// <summary>The land-use tax (城镇土地使用税) relief for one enterprise and date; only the highest relief applies.</summary>
    /// <param name="query">The query (validated).</param>
    /// <param name="policies">The policies to answer from.</param>
    /// <param name="rating">The rating in force on the date; null when none.</param>
    public static TaxReliefQuote QuoteTaxRelief(TaxReliefQuery query, PolicySet policies, RatingFact? rating)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(policies);
        InputProblem.ThrowIfAny(query.Validate(), nameof(query));
        RateTables.CheckRating(rating, query.CreditCode, query.Region, query.Date);
        return TariffQuoter.Quote(query, policies, rating);
    }

    /// <summary>
    /// Decides an industrial land transfer under clause (七): ALLOW, DENY or REVIEW with every rule
    /// evaluated, the merged remaining term for merges and the 标准地 obligations.
    /// </summary>
    /// <param name="request">The transfer (validated).</param>
    /// <param name="rules">The land rules in force on the transfer date (<see cref="PolicySet.LandRulesInForce"/>).</param>
    /// <param name="receiverPreviousYear">
    /// The receiver's rating in the previous year's evaluation, year = transfer year − 1
    /// (<see cref="RatingInForce.PickYear(IEnumerable{RatingFact}, int, DateOnly)"/>); null when there is none (→ REVIEW).
    /// </param>
    /// <param name="receiverFailsStandards">True when the receiver fails energy, environment, quality or safety standards (→ DENY).</param>
    public static LandTransferDecision CheckLandTransfer(LandTransferRequest request, LandRules rules, RatingFact? receiverPreviousYear, bool receiverFailsStandards)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        return LandTransferChecker.Check(request, rules, receiverPreviousYear, receiverFailsStandards);
    }

    /// <summary>
    /// Assesses a subsidy or reward application — (十) equipment renovation, (十一) vertical
    /// factories, (十四) dormitory land ratio, (九) quota transfer — with the cap applied and the rule trace.
    /// </summary>
    /// <param name="request">The application (validated).</param>
    /// <param name="rules">The subsidy rules in force on the application date (<see cref="PolicySet.SubsidyRulesInForce"/>).</param>
    /// <param name="rating">
    /// The applicant's rating: for (九) the previous year's evaluation (<c>PickYear(ratings, date.Year - 1, date)</c>),
    /// otherwise the rating in force on the date; null when none.
    /// </param>
    public static SubsidyAssessment AssessSubsidy(SubsidyRequest request, SubsidyRules rules, RatingFact? rating)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        return SubsidyAssessor.Assess(request, rules, rating);
    }

    /// <summary>The low-efficiency lists of a region for a year (seed 004 附件 二).</summary>
    /// <param name="current">The year's facts from its publication.</param>
    /// <param name="previous">The previous year's facts (needed for "two years running"); null when not available.</param>
    /// <param name="rules">The list rules for the year (<see cref="PolicySet.ListRulesInForce"/>).</param>
    public static LowEfficiencyReport FindLowEfficiency(RegionFacts current, RegionFacts? previous, ListRules rules)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rules);
        return EfficiencyLists.Find(current, previous, rules);
    }

    /// <summary>The region's 规上 aggregates (tax_per_mu, va_per_mu, labour productivity) against the targets.</summary>
    /// <param name="facts">The year's facts from its publication.</param>
    /// <param name="rules">The list rules for the year.</param>
    public static RegionSummary SummarizeRegion(RegionFacts facts, ListRules rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        return RegionSummarizer.Summarize(facts, rules);
    }
}
