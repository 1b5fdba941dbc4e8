namespace MuScore.Core.Policies;

/// <summary>
/// Clause (十一): "对“零增地”技改后生产厂房容积率提高20%(不含)以上的部分或“零增地”技改的建筑面积占零地技改后总建筑面积的20%(不含)以上的部分且自有自用的,
/// 按照亩均评价A、B类的,分别给予60元/平方米、50元/平方米的奖励…;…未达到以上条件的,4层、5层、6层及以上新增生产厂房建筑面积且自有自用的,
/// 分别按照30元/平方米、40元/平方米、50元/平方米的标准予以奖励,单个项目最高奖励100万元。"
/// Tier 1 pays per m² of renovated floor area by class; tier 2 applies only when tier 1's conditions are not met.
/// </summary>
internal static class VerticalFactoryAward
{
    public static SubsidyAssessment Assess(VerticalFactoryRequest r, SubsidyRule rule, VerticalFactorySection s, RatingFact? rating)
    {
        var cite = rule.Citation;
        var rules = new List<RuleResult>
        {
            SubsidyAssessor.Flag("vertical_self_owned", r.SelfOwnedAndUsed,
                "The new floor area is self-owned and self-used (自有自用).", "The new floor area is not self-owned and self-used (自有自用): no reward.", cite),
            SubsidyAssessor.ClassGate("vertical_class", s.ExcludedClasses, rating, rule),
        };

        var limit = s.MinIncreasePercent;

        // Exact: (after − before) / before > limit% ⇔ (after − before) · 100 > limit · before.
        var plotUp = (r.PlotRatioAfter - r.PlotRatioBefore) * 100m > limit * r.PlotRatioBefore;
        var shareUp = r.RenovatedFloorAreaM2 * 100m > limit * r.TotalFloorAreaAfterM2;
        var plotPercent = Money.Display((r.PlotRatioAfter - r.PlotRatioBefore) * 100m / r.PlotRatioBefore);
        var sharePercent = Money.Display(r.RenovatedFloorAreaM2 * 100m / r.TotalFloorAreaAfterM2);
        var figures = $"plot ratio up {Money.Text(plotPercent)}%, renovated floor area {Money.Text(sharePercent)}% of the total";
        var tier1 = plotUp || shareUp;
        rules.Add(new("vertical_tier1_condition", tier1 ? RuleStatus.Passed : RuleStatus.NotApplicable, tier1
            ? $"Tier 1 applies: {figures}; one of them exceeds {Money.Text(limit)}% (20%(不含)以上)."
            : $"Tier 1 does not apply: {figures}; neither exceeds {Money.Text(limit)}% (exclusive), so tier 2 (new 4th, 5th, 6th+ floors) applies.", cite));

        decimal? uncapped;
        if (tier1)
        {
            var (result, amount) = Tier1(r, s, rating, cite);
            rules.Add(result);
            uncapped = amount;
            rules.Add(new("vertical_tier2_floors", RuleStatus.NotApplicable, "Tier 2 is only for projects that do not meet tier 1's conditions (未达到以上条件的).", cite));
        }
        else
        {
            rules.Add(new("vertical_tier1_rate", RuleStatus.NotApplicable, "Tier 1's conditions are not met.", cite));
            var (result, amount) = Tier2(r, s, cite);
            rules.Add(result);
            uncapped = amount;
        }

        (decimal Amount, decimal Uncapped, decimal? Cap)? money = uncapped is { } due ? SubsidyAssessor.Capped(due, s.CapWan) : null;
        rules.Add(money is { } m
            ? new("vertical_cap", RuleStatus.Passed, m.Uncapped > m.Amount
                ? $"{Money.Text(m.Uncapped)} 元 exceeds the cap of {Money.Text(s.CapWan)} 万元 per project (单个项目最高奖励): {Money.Text(m.Amount)} 元."
                : $"{Money.Text(m.Uncapped)} 元 is within the cap of {Money.Text(s.CapWan)} 万元 per project.", cite)
            : new("vertical_cap", RuleStatus.NotApplicable, "No reward to cap.", cite));
        // Without a rating tier 1's amount depends on the class a reviewer confirms.
        bool? benefit = money is { Amount: > 0m } ? true : tier1 && rating is null ? null : false;
        return SubsidyAssessor.Answer(r, rule, rating, rules, benefit, money, []);
    }

    private static (RuleResult Result, decimal? Amount) Tier1(VerticalFactoryRequest r, VerticalFactorySection s, RatingFact? rating, string cite)
    {
        var rates = string.Join(", ", s.ClassRates.Select(c => $"{c.Class} {Money.Text(c.Value)} 元/m²"));
        if (rating is null)
        {
            // The amount depends on the class, so it stays open until a person confirms the class.
            var would = string.Join(", ", s.ClassRates.Select(c => $"{c.Class} {Money.Text(c.Value * r.RenovatedFloorAreaM2)} 元"));
            return (new("vertical_tier1_rate", RuleStatus.NeedsReview,
                $"Tier 1 pays by class ({rates}) and no rating is in force: manual review (before the cap: {would}).", cite), null);
        }

        if (s.ClassRates.FirstOrDefault(c => c.Class == rating.Class) is not { } rate)
        {
            return (new("vertical_tier1_rate", RuleStatus.Failed,
                $"Tier 1 pays only classes with a rate ({rates}; 按照亩均评价A、B类的); the enterprise is class {rating.Class} ({rating.Describe()}), and tier 2 is for projects below tier 1's conditions.", cite), null);
        }

        var amount = rate.Value * r.RenovatedFloorAreaM2;
        return (new("vertical_tier1_rate", RuleStatus.Passed,
            $"Class {rating.Class}: {Money.Text(rate.Value)} 元/m² × {Money.Text(r.RenovatedFloorAreaM2)} m² renovated = {Money.Text(amount)} 元.", cite), amount);
    }

    private static (RuleResult Result, decimal? Amount) Tier2(VerticalFactoryRequest r, VerticalFactorySection s, string cite)
    {
        var parts = new List<string>();
        var total = 0m;
        foreach (var floor in r.NewFloors.OrderBy(f => f.Floor))
        {
            var rate = s.FloorRates.LastOrDefault(f => f.FromFloor <= floor.Floor);
            if (rate is null)
            {
                parts.Add(FormattableString.Invariant($"floor {floor.Floor} earns nothing"));
                continue;
            }

            total += rate.YuanPerM2 * floor.AreaM2;
            parts.Add(FormattableString.Invariant($"floor {floor.Floor}: {Money.Text(rate.YuanPerM2)} 元/m² × {Money.Text(floor.AreaM2)} m²"));
        }

        var lowest = s.FloorRates.Count > 0 ? s.FloorRates[0].FromFloor : 0;
        return total > 0m
            ? (new("vertical_tier2_floors", RuleStatus.Passed, $"{string.Join("; ", parts)}: {Money.Text(total)} 元.", cite), total)
            : (new("vertical_tier2_floors", RuleStatus.NotApplicable, FormattableString.Invariant(
                $"No new production floor area on floor {lowest} or higher{(parts.Count > 0 ? $" ({string.Join("; ", parts)})" : string.Empty)}: no tier-2 reward."), cite), null);
    }
}
