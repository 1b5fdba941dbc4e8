namespace MuScore.Core.Policies;

/// <summary>
/// Clause (十): "对项目投资1000万元及以上,且装备投资500万元及以上的重大传统产业改造提升项目,按设备投资额的10%给予补助,最高补助300万元。
/// 对装备投资额200万元及以上的普通技改项目,按设备投资额的5%给予补助,单家企业最高补助200万元…对地方经济发展贡献环比增长12%以上且工业装备投资500万元以上的“2513”培育企业,
/// 其工业性投资重点项目按认定设备投资额的15%给予奖励。" The tiers are alternatives: only the highest is granted (our reading).
/// </summary>
internal static class EquipmentRenovation
{
    public static SubsidyAssessment Assess(EquipmentRenovationRequest r, SubsidyRule rule, EquipmentRenovationSection s, RatingFact? rating)
    {
        var cite = rule.Citation;
        var rules = new List<RuleResult> { SubsidyAssessor.ClassGate("equipment_class", s.ExcludedClasses, rating, rule) };
        var tiers = new List<(string Name, (decimal Amount, decimal Uncapped, decimal? Cap) Money)>();
        var project = Money.Text(r.ProjectInvestmentWan);
        var equipment = Money.Text(r.EquipmentInvestmentWan);

        var major = r.ProjectInvestmentWan >= s.MajorMinProjectWan && r.EquipmentInvestmentWan >= s.MajorMinEquipmentWan;
        if (major)
        {
            var money = SubsidyAssessor.Capped(Yuan(r.EquipmentInvestmentWan, s.MajorRatePercent), s.MajorCapWan);
            tiers.Add(("major", money));
            rules.Add(new("equipment_major", RuleStatus.Passed,
                $"Project {project} ≥ {Money.Text(s.MajorMinProjectWan)} 万元 and equipment {equipment} ≥ {Money.Text(s.MajorMinEquipmentWan)} 万元: "
                + $"{Money.Text(s.MajorRatePercent)}% of equipment = {Money.Text(money.Uncapped)} 元, at most {Money.Text(s.MajorCapWan)} 万元 → {Money.Text(money.Amount)} 元.", cite));
        }
        else
        {
            rules.Add(new("equipment_major", RuleStatus.NotApplicable,
                $"Not a major project: needs project ≥ {Money.Text(s.MajorMinProjectWan)} 万元 (has {project}) and equipment ≥ {Money.Text(s.MajorMinEquipmentWan)} 万元 (has {equipment}).", cite));
        }

        rules.Add(Ordinary(r, s, major, tiers, cite));
        rules.Add(Cultivated(r, s, tiers, cite));
        var best = tiers.Count == 0 ? default : tiers.MaxBy(t => t.Money.Amount);
        rules.Add(tiers.Count == 0
            ? new("equipment_highest", RuleStatus.NotApplicable, "No tier's conditions are met: no subsidy.", cite)
            : new("equipment_highest", RuleStatus.Passed, FormattableString.Invariant(
                $"{tiers.Count} tier{(tiers.Count == 1 ? string.Empty : "s")} qualif{(tiers.Count == 1 ? "ies" : "y")}; the highest, {best.Name}, is granted ({Money.Text(best.Money.Amount)} 元): tiers do not stack."), cite));
        return SubsidyAssessor.Answer(r, rule, rating, rules, tiers.Count > 0 && best.Money.Amount > 0m, tiers.Count == 0 ? null : best.Money, []);
    }

    private static RuleResult Ordinary(EquipmentRenovationRequest r, EquipmentRenovationSection s, bool major, List<(string, (decimal, decimal, decimal?))> tiers, string cite)
    {
        if (major)
        {
            return new("equipment_ordinary", RuleStatus.NotApplicable, "A major project is subsidised under the major tier, not as an ordinary project (普通技改项目).", cite);
        }

        if (r.EquipmentInvestmentWan < s.OrdinaryMinEquipmentWan)
        {
            return new("equipment_ordinary", RuleStatus.NotApplicable,
                $"Equipment {Money.Text(r.EquipmentInvestmentWan)} 万元 is below {Money.Text(s.OrdinaryMinEquipmentWan)} 万元: not an ordinary renovation project either.", cite);
        }

        // The 200 万元 cap is per enterprise (单家企业最高补助200万元): what it already received counts.
        var remaining = Math.Max(0m, s.OrdinaryCapWan - r.OrdinaryGrantedBeforeWan);
        var money = SubsidyAssessor.Capped(Yuan(r.EquipmentInvestmentWan, s.OrdinaryRatePercent), remaining);
        tiers.Add(("ordinary", money));
        return new("equipment_ordinary", RuleStatus.Passed,
            $"Equipment {Money.Text(r.EquipmentInvestmentWan)} ≥ {Money.Text(s.OrdinaryMinEquipmentWan)} 万元: {Money.Text(s.OrdinaryRatePercent)}% = {Money.Text(money.Uncapped)} 元, "
            + $"at most {Money.Text(s.OrdinaryCapWan)} 万元 per enterprise less {Money.Text(r.OrdinaryGrantedBeforeWan)} 万元 already granted → {Money.Text(money.Amount)} 元.", cite);
    }

    private static RuleResult Cultivated(EquipmentRenovationRequest r, EquipmentRenovationSection s, List<(string, (decimal, decimal, decimal?))> tiers, string cite)
    {
        if (!r.Cultivated2513)
        {
            return new("equipment_cultivated_2513", RuleStatus.NotApplicable, "Not a “2513” cultivated enterprise.", cite);
        }

        if (r.LocalContributionGrowthPercent is not { } growth || growth < s.CultivatedMinGrowthPercent || r.EquipmentInvestmentWan < s.CultivatedMinEquipmentWan)
        {
            var has = r.LocalContributionGrowthPercent is { } g ? $"{Money.Text(g)}%" : "not given";
            return new("equipment_cultivated_2513", RuleStatus.NotApplicable,
                $"The “2513” reward needs local contribution growth ≥ {Money.Text(s.CultivatedMinGrowthPercent)}% (has {has}) and equipment ≥ {Money.Text(s.CultivatedMinEquipmentWan)} 万元 (has {Money.Text(r.EquipmentInvestmentWan)}).", cite);
        }

        var recognised = r.RecognisedEquipmentInvestmentWan ?? r.EquipmentInvestmentWan;
        var money = SubsidyAssessor.Capped(Yuan(recognised, s.CultivatedRatePercent), s.CultivatedCapWan);
        tiers.Add(("cultivated_2513", money));
        return new("equipment_cultivated_2513", RuleStatus.Passed,
            $"“2513” enterprise with growth {Money.Text(growth)}% and equipment {Money.Text(r.EquipmentInvestmentWan)} 万元: {Money.Text(s.CultivatedRatePercent)}% of recognised equipment {Money.Text(recognised)} 万元 = {Money.Text(money.Amount)} 元"
            + (s.CultivatedCapWan is { } cap ? $", at most {Money.Text(cap)} 万元." : " (the clause sets no cap)."), cite);
    }

    private static decimal Yuan(decimal wan, decimal percent) => wan * percent / 100m * Money.YuanPerWan;
}
