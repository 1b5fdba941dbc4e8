using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>Decides an industrial land transfer under seed 004 clause (七) (docs/method.md §8).</summary>
internal static class LandTransferChecker
{
    public static LandTransferDecision Check(LandTransferRequest request, LandRules rules, RatingFact? receiver, bool receiverFailsStandards)
    {
        InputProblem.ThrowIfAny(request.Validate(), nameof(request));
        if (!rules.Section.Period.Contains(request.TransferDate))
        {
            throw new ArgumentException(
                $"the land rules of {rules.Policy.Id} are in force {rules.Section.Period}, not on {EffectivePeriod.Day(request.TransferDate)}; use PolicySet.LandRulesInForce",
                nameof(rules));
        }

        if (receiver is not null && !string.Equals(receiver.CreditCode, request.ReceiverCreditCode, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the rating is for {receiver.CreditCode}, not the receiver {request.ReceiverCreditCode}", nameof(receiver));
        }

        var cite = rules.Citation;
        var results = new List<RuleResult>
        {
            ReceiverClass(request, rules, receiver),
            new("land_receiver_standards", receiverFailsStandards ? RuleStatus.Failed : RuleStatus.Passed, receiverFailsStandards
                ? "The receiver fails energy, environment, quality or safety standards: land may not go to it (不得向能耗、环保、质量、安全等不符合要求的企业转让)."
                : "The receiver meets energy, environment, quality and safety standards.", cite),
        };
        results.AddRange(LandSplitRules.Evaluate(request, rules));
        var merge = LandMergeRules.Evaluate(request, cite);
        results.AddRange(merge.Rules);
        var obligations = Obligations(request);
        results.Add(obligations.Count == 0
            ? new("land_standard_land", RuleStatus.NotApplicable, "No parcel was sold as 标准地, so no original indicators bind the receiver.", cite)
            : new("land_standard_land", RuleStatus.Passed,
                $"The receiver is bound to {obligations.Count} original 标准地 indicator{(obligations.Count == 1 ? string.Empty : "s")} (受让方应按原“标准地”各项指标要求投资建设).", cite));

        var outcome = results.Any(r => r.Status == RuleStatus.Failed) ? LandOutcome.Deny
            : results.Any(r => r.Status == RuleStatus.NeedsReview) ? LandOutcome.Review
            : LandOutcome.Allow;
        return new LandTransferDecision
        {
            Outcome = outcome,
            Request = request,
            ReceiverRating = receiver,
            Policy = rules.Policy,
            Rules = results,
            MergedTermEndDate = merge.TermEndDate,
            MergedRemainingTermYears = merge.TermYears,
            Obligations = obligations,
            Summary = Summarize(outcome, results),
        };
    }

    private static RuleResult ReceiverClass(LandTransferRequest request, LandRules rules, RatingFact? receiver)
    {
        const string Id = "land_receiver_class";
        var year = request.TransferDate.Year - 1;
        var denied = string.Join(" or ", rules.Section.DeniedReceiverClasses);
        if (receiver is null)
        {
            return new(Id, RuleStatus.NeedsReview, FormattableString.Invariant(
                $"The receiver has no published rating in the {year} evaluation (the year before the transfer), so whether it is class {denied} cannot be read: manual review."), rules.Citation);
        }

        if (receiver.Year != year)
        {
            return new(Id, RuleStatus.NeedsReview, FormattableString.Invariant(
                $"The rating given ({receiver.Describe()}) is not the previous year's evaluation ({year}) that the clause reads (上一年度亩均评价): manual review."), rules.Citation);
        }

        return rules.Section.DeniedReceiverClasses.Contains(receiver.Class)
            ? new(Id, RuleStatus.Failed,
                $"The receiver was class {receiver.Class} in the previous year's evaluation ({receiver.Describe()}): land may not go to a class {denied} enterprise (不得向…上一年度亩均评价C、D类企业转让).", rules.Citation)
            : new(Id, RuleStatus.Passed,
                $"The receiver was class {receiver.Class} in the previous year's evaluation ({receiver.Describe()}), not class {denied}.", rules.Citation);
    }

    private static List<LandObligation> Obligations(LandTransferRequest request) =>
        [.. request.Parcels.Where(p => p.StandardLand).SelectMany(p => p.StandardLandIndicators.Select(i => new LandObligation(
            p.Id, i, $"Parcel {p.Id} was sold as 标准地: the receiver must meet its original indicator {i.Name} {Money.Text(i.Value)} {i.Unit}.")))];

    private static string Summarize(LandOutcome outcome, List<RuleResult> results)
    {
        var failed = results.Where(r => r.Status == RuleStatus.Failed).Select(r => r.RuleId).ToArray();
        var review = results.Where(r => r.Status == RuleStatus.NeedsReview).Select(r => r.RuleId).ToArray();
        return outcome switch
        {
            LandOutcome.Deny => $"DENY: {string.Join(", ", failed)} failed.",
            LandOutcome.Review => $"REVIEW: {string.Join(", ", review)} needs a person; no rule failed.",
            _ => FormattableString.Invariant($"ALLOW: all {results.Count} rules passed or do not apply."),
        };
    }
}
