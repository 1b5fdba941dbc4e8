namespace MuScore.Core.Policies;

/// <summary>
/// Clause (九): "对市内外上一年度亩均评价为A、B类企业兼并“两高一低”企业,重组后企业注册地和税收仍在我市的,“两高一低”企业所属的土地、用能、排污等指标全部归重组后企业所有".
/// The acquirer's class is read from the previous year's evaluation (year of the application − 1).
/// </summary>
internal static class QuotaTransfer
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["land"] = "土地",
        ["energy"] = "用能",
        ["discharge"] = "排污",
    };

    public static SubsidyAssessment Assess(QuotaTransferRequest r, SubsidyRule rule, QuotaTransferSection s, RatingFact? rating)
    {
        var cite = rule.Citation;
        var rules = new List<RuleResult>
        {
            AcquirerClass(r, s, rating, cite),
            SubsidyAssessor.Flag("quota_target_two_high_one_low", r.TargetTwoHighOneLow,
                $"The target {r.TargetCreditCode} is a “两高一低” enterprise.",
                $"The target {r.TargetCreditCode} is not a “两高一低” enterprise: the clause covers acquisitions of those only.", cite),
            SubsidyAssessor.Flag("quota_local_registration", r.RegisteredAndTaxedLocally,
                "After the reorganisation the enterprise stays registered and taxed in the city (重组后企业注册地和税收仍在我市).",
                "After the reorganisation the enterprise would not stay registered and taxed in the city (重组后企业注册地和税收仍在我市).", cite),
        };
        var entitlements = s.Quotas.Select(q => new Entitlement($"{q}_quota", null, null,
            $"The target's {q} quota{(Chinese.TryGetValue(q, out var name) ? $" ({name}指标)" : string.Empty)} passes in full to the reorganised enterprise.")).ToList();
        entitlements.Add(new("reorganisation_tax_relief", null, null,
            "Taxes arising from the reorganisation get the preferential treatment the city tax bureau applies (由市税务局按规定落实相关优惠政策)."));
        return SubsidyAssessor.Answer(r, rule, rating, rules, true, null, entitlements);
    }

    private static RuleResult AcquirerClass(QuotaTransferRequest r, QuotaTransferSection s, RatingFact? rating, string cite)
    {
        const string Id = "quota_acquirer_class";
        var year = r.Date.Year - 1;
        var classes = string.Join(" or ", s.AcquirerClasses);
        if (rating is null)
        {
            return new(Id, RuleStatus.NeedsReview, FormattableString.Invariant(
                $"The acquirer has no published rating in the {year} evaluation (the year before the application), so whether it is class {classes} cannot be read: manual review."), cite);
        }

        if (rating.Year != year)
        {
            return new(Id, RuleStatus.NeedsReview, FormattableString.Invariant(
                $"The rating given ({rating.Describe()}) is not the previous year's evaluation ({year}) that the clause reads (上一年度亩均评价): manual review."), cite);
        }

        return s.AcquirerClasses.Contains(rating.Class)
            ? new(Id, RuleStatus.Passed, $"The acquirer was class {rating.Class} in the previous year's evaluation ({rating.Describe()}): class {classes} qualifies.", cite)
            : new(Id, RuleStatus.Failed, $"The acquirer was class {rating.Class} in the previous year's evaluation ({rating.Describe()}): only class {classes} qualifies (上一年度亩均评价为A、B类企业).", cite);
    }
}
