namespace MuScore.Core.Policies;

/// <summary>
/// Seed 004 附件 二、主要目标: "完成亩均税收连续两年10万元(含)以下的亿元企业、5万元(含)以下的低效企业的改造提升". The limits are
/// inclusive and compared exactly (tax ≤ limit × land in decimal, never a rounded quotient).
/// </summary>
internal static class EfficiencyLists
{
    public static LowEfficiencyReport Find(RegionFacts current, RegionFacts? previous, ListRules rules)
    {
        Check(current, rules);
        if (previous is not null)
        {
            InputProblem.ThrowIfAny(previous.Validate(), nameof(previous));
            if (previous.Publication.Year != current.Publication.Year - 1 || !string.Equals(previous.Publication.Region, current.Publication.Region, StringComparison.Ordinal))
            {
                throw new ArgumentException("previous must be the same region's publication of the year before", nameof(previous));
            }
        }

        var s = rules.Section;
        var before = previous?.Enterprises.ToDictionary(e => e.CreditCode, StringComparer.Ordinal);
        var large = new List<ListedEnterprise>();
        var low = new List<ListedEnterprise>();
        foreach (var fact in current.Enterprises.OrderBy(e => e.CreditCode, StringComparer.Ordinal))
        {
            var perMu = Money.Display(fact.TaxWan / fact.LandMu);
            if (fact.TaxWan <= s.LowMaxTaxPerMuWan * fact.LandMu)
            {
                low.Add(new(LowEfficiencyList.LowTax, fact.CreditCode, fact.Name, fact.RevenueWan, fact.TaxWan, fact.LandMu, perMu, null,
                    $"Tax per mu {Money.Text(perMu)} 万元 is at or under {Money.Text(s.LowMaxTaxPerMuWan)} 万元 (5万元(含)以下)."));
            }

            if (fact.RevenueWan is { } revenue && revenue >= s.LargeMinRevenueWan && fact.TaxWan <= s.LargeMaxTaxPerMuWan * fact.LandMu
                && before is not null && before.TryGetValue(fact.CreditCode, out var last) && last.TaxWan <= s.LargeMaxTaxPerMuWan * last.LandMu)
            {
                var lastPerMu = Money.Display(last.TaxWan / last.LandMu);
                large.Add(new(LowEfficiencyList.LargeLowTax, fact.CreditCode, fact.Name, revenue, fact.TaxWan, fact.LandMu, perMu, lastPerMu, FormattableString.Invariant(
                    $"Revenue {Money.Text(revenue)} 万元 ≥ {Money.Text(s.LargeMinRevenueWan)} and tax per mu {Money.Text(perMu)} ({current.Publication.Year}) and {Money.Text(lastPerMu)} ({current.Publication.Year - 1}) 万元, both at or under {Money.Text(s.LargeMaxTaxPerMuWan)} (连续两年10万元(含)以下的亿元企业).")));
            }
        }

        var note = previous is null
            ? "The previous year's facts were not supplied: the 亿元企业 list (two years running) is empty because it cannot be drawn up."
            : "An enterprise missing from the previous year's publication is not on the 亿元企业 list: it was not at the limit two years running.";
        return new LowEfficiencyReport
        {
            Current = current.Publication,
            Previous = previous?.Publication,
            Policy = rules.Policy,
            Citation = rules.Citation,
            LargeLowTax = large,
            LowTax = low,
            Note = note,
        };
    }

    /// <summary>Refuses invalid facts, and rules not in force at the end of the facts' year.</summary>
    public static void Check(RegionFacts facts, ListRules rules)
    {
        InputProblem.ThrowIfAny(facts.Validate(), nameof(facts));
        var yearEnd = new DateOnly(facts.Publication.Year, 12, 31);
        if (!rules.Section.Period.Contains(yearEnd))
        {
            throw new ArgumentException(
                $"the list rules of {rules.Policy.Id} are in force {rules.Section.Period}, not on {EffectivePeriod.Day(yearEnd)}; use PolicySet.ListRulesInForce", nameof(rules));
        }
    }
}
