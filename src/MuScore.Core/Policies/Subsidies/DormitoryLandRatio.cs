using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>
/// Clause (十四): "在重点发展保障性租赁住房的城区,产业园区内的存量工业项目,以及产业园区外亩均效益A类、B类龙头骨干企业用地面积50亩以上的存量工业项目,…
/// 可将配套建设行政办公及生活服务设施的用地面积占项目总用地面积的比例由7%提高到15%,建筑面积占比上限相应提高到30%…产业园区内的新建工业项目,可充分利用上述政策".
/// The class and size conditions bind projects outside parks only.
/// </summary>
internal static class DormitoryLandRatio
{
    public static SubsidyAssessment Assess(DormitoryLandRequest r, SubsidyRule rule, DormitoryLandSection s, RatingFact? rating)
    {
        var cite = rule.Citation;
        var rules = new List<RuleResult>
        {
            SubsidyAssessor.Flag("dormitory_district", r.InRentalHousingPriorityDistrict,
                "The project is in a district that focuses on affordable rental housing (重点发展保障性租赁住房的城区).",
                "The project is not in a district that focuses on affordable rental housing (重点发展保障性租赁住房的城区).", cite),
        };
        if (r.InsidePark)
        {
            rules.Add(new("dormitory_project", RuleStatus.Passed, r.ExistingProject
                ? "An existing industrial project inside a park (产业园区内的存量工业项目)."
                : "A new industrial project inside a park, which may use the same policy (产业园区内的新建工业项目,可充分利用上述政策).", cite));
            rules.Add(new("dormitory_leading", RuleStatus.NotApplicable, "Inside a park the project need not belong to a leading backbone enterprise.", cite));
            rules.Add(new("dormitory_area", RuleStatus.NotApplicable, "Inside a park any project size qualifies.", cite));
            rules.Add(ClassRule(s.InsideParkClasses, rating, "inside parks", cite));
        }
        else
        {
            rules.Add(SubsidyAssessor.Flag("dormitory_project", r.ExistingProject,
                "An existing industrial project outside a park (产业园区外…存量工业项目).",
                "Outside a park only existing projects qualify (存量工业项目); this is a new one.", cite));
            rules.Add(SubsidyAssessor.Flag("dormitory_leading", r.LeadingEnterprise,
                "The enterprise is a leading backbone enterprise (龙头骨干企业).",
                "Outside a park the enterprise must be a leading backbone enterprise (龙头骨干企业).", cite));
            var area = r.ProjectLandMu >= s.OutsideParkMinMu;
            rules.Add(new("dormitory_area", area ? RuleStatus.Passed : RuleStatus.Failed,
                $"The project has {Money.Text(r.ProjectLandMu)} mu; outside a park it needs at least {Money.Text(s.OutsideParkMinMu)} mu (用地面积{Money.Text(s.OutsideParkMinMu)}亩以上).", cite));
            rules.Add(ClassRule(s.OutsideParkClasses, rating, "outside parks", cite));
        }

        return SubsidyAssessor.Answer(r, rule, rating, rules, true, null, Entitlements(r, s));
    }

    private static RuleResult ClassRule(IReadOnlyList<RatingClass>? allowed, RatingFact? rating, string where, string cite)
    {
        if (allowed is null)
        {
            return new("dormitory_class", RuleStatus.NotApplicable, $"The clause sets no class condition {where}.", cite);
        }

        var classes = string.Join(" or ", allowed);
        if (rating is null)
        {
            return new("dormitory_class", RuleStatus.NeedsReview, $"{Capital(where)} the enterprise must be class {classes} and no rating is in force: manual review.", cite);
        }

        return allowed.Contains(rating.Class)
            ? new("dormitory_class", RuleStatus.Passed, $"The enterprise is class {rating.Class} ({rating.Describe()}); {where} class {classes} qualifies (亩均效益A类、B类).", cite)
            : new("dormitory_class", RuleStatus.Failed, $"The enterprise is class {rating.Class} ({rating.Describe()}); {where} only class {classes} qualifies (亩均效益A类、B类).", cite);
    }

    private static List<Entitlement> Entitlements(DormitoryLandRequest r, DormitoryLandSection s)
    {
        var list = new List<Entitlement>
        {
            new("office_living_land_percent_max", s.RaisedLandPercent, "%",
                $"Office and living-service land may take up to {Money.Text(s.RaisedLandPercent)}% of the project land (from {Money.Text(s.BaseLandPercent)}%)."),
            new("office_living_land_mu_max", r.ProjectLandMu * s.RaisedLandPercent / 100m, "亩",
                $"{Money.Text(s.RaisedLandPercent)}% of {Money.Text(r.ProjectLandMu)} mu."),
            new("office_living_floor_percent_max", s.RaisedFloorPercent, "%",
                $"The office and living-service floor-area share may reach {Money.Text(s.RaisedFloorPercent)}% (建筑面积占比上限相应提高)."),
        };
        if (r.ProjectFloorAreaM2 is { } floor)
        {
            list.Add(new("office_living_floor_m2_max", floor * s.RaisedFloorPercent / 100m, "m²",
                $"{Money.Text(s.RaisedFloorPercent)}% of {Money.Text(floor)} m²."));
        }

        list.Add(new("raised_part_for_dormitories", null, null,
            "The raised part is mainly for dormitory-type affordable rental housing (提高部分主要用于建设宿舍型保障性租赁住房)."));
        return list;
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
