using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>Dispatches a subsidy request to its rule and holds what the rules share: the class gate, the outcome and the answer's shape.</summary>
internal static class SubsidyAssessor
{
    public static SubsidyAssessment Assess(SubsidyRequest request, SubsidyRules rules, RatingFact? rating)
    {
        InputProblem.ThrowIfAny(request.Validate(), nameof(request));
        if (rating is not null && !string.Equals(rating.CreditCode, request.CreditCode, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the rating is for {rating.CreditCode}, not the applicant {request.CreditCode}", nameof(rating));
        }

        if (rating is not null && RatingInForce.PublicationDay(rating.PublishedAt) > request.Date)
        {
            throw new ArgumentException($"the rating ({rating.Describe()}) was published after {EffectivePeriod.Day(request.Date)}", nameof(rating));
        }

        if (rules.Find(request.Kind) is not { } rule)
        {
            return new SubsidyAssessment
            {
                Kind = request.Kind,
                Outcome = SubsidyOutcome.NoPolicyInForce,
                Request = request,
                Rating = rating,
                Entitlements = [],
                Rules = [],
                Summary = $"NO_POLICY_IN_FORCE: no {request.Kind.Code()} rule of region {request.Region} is in force on {EffectivePeriod.Day(request.Date)}.",
            };
        }

        if (!rule.Section.Period.Contains(request.Date))
        {
            throw new ArgumentException(
                $"the {request.Kind.Code()} rule of {rule.Policy.Id} is in force {rule.Section.Period}, not on {EffectivePeriod.Day(request.Date)}; use PolicySet.SubsidyRulesInForce",
                nameof(rules));
        }

        return (request, rule.Section) switch
        {
            (EquipmentRenovationRequest e, EquipmentRenovationSection s) => EquipmentRenovation.Assess(e, rule, s, rating),
            (VerticalFactoryRequest v, VerticalFactorySection s) => VerticalFactoryAward.Assess(v, rule, s, rating),
            (DormitoryLandRequest d, DormitoryLandSection s) => DormitoryLandRatio.Assess(d, rule, s, rating),
            (QuotaTransferRequest q, QuotaTransferSection s) => QuotaTransfer.Assess(q, rule, s, rating),
            _ => throw new ArgumentException($"no assessment for {request.GetType().Name}", nameof(request)),
        };
    }

    /// <summary>The docs/method.md §1 gate: excluded classes (D) get no money; without a rating it needs review.</summary>
    public static RuleResult ClassGate(string id, IReadOnlyList<RatingClass> excluded, RatingFact? rating, SubsidyRule rule)
    {
        var cite = $"{rule.Citation}; docs/method.md §1";
        if (excluded.Count == 0)
        {
            return new(id, RuleStatus.NotApplicable, "The rule excludes no class.", cite);
        }

        var classes = string.Join(" or ", excluded);
        if (rating is null)
        {
            return new(id, RuleStatus.NeedsReview, $"No rating is in force, so whether the enterprise is class {classes} (which gets no subsidy) cannot be read: manual review.", cite);
        }

        return excluded.Contains(rating.Class)
            ? new(id, RuleStatus.Failed, $"The enterprise is class {rating.Class} ({rating.Describe()}): class {classes} (整治淘汰类) gets no subsidy.", cite)
            : new(id, RuleStatus.Passed, $"The enterprise is class {rating.Class} ({rating.Describe()}), not class {classes}.", cite);
    }

    /// <summary>A rule that checks a yes/no fact the applicant declares.</summary>
    public static RuleResult Flag(string id, bool holds, string yes, string no, string cite) =>
        new(id, holds ? RuleStatus.Passed : RuleStatus.Failed, holds ? yes : no, cite);

    /// <summary>
    /// Any failure, or no benefit: not eligible; then any review: review; else eligible. A null
    /// <paramref name="benefit"/> means the benefit itself waits on the review (it depends on the class).
    /// </summary>
    public static SubsidyOutcome Outcome(IReadOnlyList<RuleResult> rules, bool? benefit) =>
        rules.Any(r => r.Status == RuleStatus.Failed) || benefit == false ? SubsidyOutcome.NotEligible
            : rules.Any(r => r.Status == RuleStatus.NeedsReview) ? SubsidyOutcome.Review
            : SubsidyOutcome.Eligible;

    /// <summary>The answer, with a summary naming the amount or the rules that decided it.</summary>
    public static SubsidyAssessment Answer(
        SubsidyRequest request, SubsidyRule rule, RatingFact? rating, List<RuleResult> rules, bool? benefit,
        (decimal Amount, decimal Uncapped, decimal? Cap)? money, IReadOnlyList<Entitlement> entitlements)
    {
        var outcome = Outcome(rules, benefit);
        var decided = rules.Where(r => r.Status is RuleStatus.Failed or RuleStatus.NeedsReview).Select(r => r.RuleId).ToArray();
        var what = money is { } m ? $"{Money.Text(m.Amount)} 元"
            : entitlements.Count > 0 ? $"{entitlements.Count} entitlement{(entitlements.Count == 1 ? string.Empty : "s")}"
            : "the amount for the confirmed class";
        var summary = outcome switch
        {
            SubsidyOutcome.Eligible => $"ELIGIBLE: {what} under {rule.Citation}.",
            SubsidyOutcome.Review => $"REVIEW: {what} under {rule.Citation} if {string.Join(", ", decided)} is confirmed.",
            _ => decided.Length > 0
                ? $"NOT_ELIGIBLE under {rule.Citation}: {string.Join(", ", decided)} failed."
                : $"NOT_ELIGIBLE under {rule.Citation}: no tier's conditions are met.",
        };
        return new SubsidyAssessment
        {
            Kind = request.Kind,
            Outcome = outcome,
            Request = request,
            Rating = rating,
            Policy = rule.Policy,
            AmountYuan = outcome == SubsidyOutcome.NotEligible ? null : money?.Amount,
            UncappedAmountYuan = money?.Uncapped,
            CapYuan = money?.Cap,
            Entitlements = outcome == SubsidyOutcome.NotEligible ? [] : entitlements,
            Rules = rules,
            Summary = summary,
        };
    }

    /// <summary>Applies a cap (万元) to an amount in 元 and rounds to 分.</summary>
    public static (decimal Amount, decimal Uncapped, decimal? Cap) Capped(decimal uncappedYuan, decimal? capWan)
    {
        var cap = capWan * Money.YuanPerWan;
        var amount = cap is { } limit && uncappedYuan > limit ? limit : uncappedYuan;
        return (Money.ToFen(amount), Money.ToFen(uncappedYuan), cap);
    }
}
