using MuScore.Core.Records;

namespace MuScore.Core.Policies;

/// <summary>
/// Seed 004 附件 二、主要目标: "到2023年底,力争全市规上工业亩均税收超过20.3万元,亩均增加值超过101.4万元,规上制造业全员劳动生产率超过24.23万元/人".
/// Aggregates are Σnumerator / Σdenominator over 规上 enterprises (labour productivity: 规上 manufacturing, divisions 13–43);
/// "超过" is strict and compared exactly.
/// </summary>
internal static class RegionSummarizer
{
    private const int FirstManufacturingDivision = 13;
    private const int LastManufacturingDivision = 43;

    public static RegionSummary Summarize(RegionFacts facts, ListRules rules)
    {
        EfficiencyLists.Check(facts, rules);
        var s = rules.Section;
        var above = facts.Enterprises.Where(e => e.Scale == Scale.Above).ToArray();
        var withVa = above.Where(e => e.ValueAddedWan is not null).ToArray();
        var manufacturing = withVa.Where(e => e.Division is >= FirstManufacturingDivision and <= LastManufacturingDivision && e.Employees > 0m).ToArray();
        return new RegionSummary
        {
            Publication = facts.Publication,
            Policy = rules.Policy,
            Citation = rules.Citation,
            TargetYear = s.TargetYear,
            AboveScaleEnterprises = above.Length,
            TaxPerMu = Compare("tax_per_mu", "万元/亩", "规上工业亩均税收", above.Sum(e => e.TaxWan), above.Sum(e => e.LandMu), above.Length, s.TargetTaxPerMuWan, s.TargetYear),
            VaPerMu = Compare("va_per_mu", "万元/亩", "规上工业亩均增加值", withVa.Sum(e => e.ValueAddedWan!.Value), withVa.Sum(e => e.LandMu), withVa.Length, s.TargetVaPerMuWan, s.TargetYear),
            LabourProductivity = Compare("labour_productivity", "万元/人", "规上制造业全员劳动生产率",
                manufacturing.Sum(e => e.ValueAddedWan!.Value), manufacturing.Sum(e => e.Employees!.Value), manufacturing.Length, s.TargetLabourProductivityWan, s.TargetYear),
        };
    }

    private static TargetCheck Compare(string id, string unit, string name, decimal numerator, decimal denominator, int count, decimal? target, int? year)
    {
        if (denominator == 0m)
        {
            return new(id, unit, numerator, denominator, count, null, target, null, null,
                $"{name}: no 规上 enterprise reports the figures, so the aggregate is undefined.");
        }

        var exact = numerator / denominator;
        var value = Money.Display(exact);
        if (target is not { } goal)
        {
            return new(id, unit, numerator, denominator, count, value, null, null, null, $"{name} is {Money.Text(value)} {unit}; the policy sets no target.");
        }

        // Exact: Σnum / Σden > target ⇔ Σnum > target · Σden (Σden > 0).
        var met = numerator > goal * denominator;
        var margin = Money.Display(exact - goal);
        var when = year is { } y ? FormattableString.Invariant($" for {y}") : string.Empty;
        return new(id, unit, numerator, denominator, count, value, goal, met, margin, met
            ? $"{name} {Money.Text(value)} {unit} exceeds the target{when} of {Money.Text(goal)} by {Money.Text(margin)}."
            : $"{name} {Money.Text(value)} {unit} does not exceed the target{when} of {Money.Text(goal)} (超过, strictly); short by {Money.Text(-margin)}.");
    }
}
