using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;
using static MuScore.Core.Tests.Policies.SubsidyTestData;

namespace MuScore.Core.Tests.Policies;

public class DormitoryLandTests
{
    private static DormitoryLandRequest Outside(string land = "50") => new()
    {
        CreditCode = Applicant,
        Region = Linhai,
        Date = Applied,
        InRentalHousingPriorityDistrict = true,
        InsidePark = false,
        ExistingProject = true,
        LeadingEnterprise = true,
        ProjectLandMu = Number(land),
        ProjectFloorAreaM2 = 40000m,
    };

    private static SubsidyAssessment Assess(DormitoryLandRequest request, RatingClass? rating) => PolicyEngine.AssessSubsidy(request, Rules, ApplicantRating(rating));

    private static Entitlement Entitled(SubsidyAssessment assessment, string code) => Assert.Single(assessment.Entitlements, e => e.Code == code);

    [Theory]
    [InlineData("50", RatingClass.A, SubsidyOutcome.Eligible)]
    [InlineData("50", RatingClass.B, SubsidyOutcome.Eligible)]
    [InlineData("49.99", RatingClass.A, SubsidyOutcome.NotEligible)]
    [InlineData("80", RatingClass.C, SubsidyOutcome.NotEligible)]
    [InlineData("80", RatingClass.D, SubsidyOutcome.NotEligible)]
    [InlineData("80", null, SubsidyOutcome.Review)]
    public void AssessSubsidy_OutsidePark_AOrBWithFiftyMuOrMore(string land, RatingClass? rating, SubsidyOutcome outcome)
    {
        Assert.Equal(outcome, Assess(Outside(land), rating).Outcome);
    }

    [Fact]
    public void AssessSubsidy_Eligible_LandShareFromSevenToFifteenFloorShareThirty()
    {
        var assessment = Assess(Outside("60"), RatingClass.A);

        Assert.Equal(15m, Entitled(assessment, "office_living_land_percent_max").Value);
        Assert.Equal(9m, Entitled(assessment, "office_living_land_mu_max").Value);
        Assert.Equal(30m, Entitled(assessment, "office_living_floor_percent_max").Value);
        Assert.Equal(12000m, Entitled(assessment, "office_living_floor_m2_max").Value);
        Assert.Contains("(from 7%)", Entitled(assessment, "office_living_land_percent_max").Description, StringComparison.Ordinal);
        Assert.Null(assessment.AmountYuan);
        Assert.Equal("临政发〔2022〕22号 (十四)", Rule(assessment, "dormitory_area").Citation);
    }

    [Theory]
    [InlineData(true, RatingClass.C)]
    [InlineData(false, RatingClass.D)]
    [InlineData(true, null)]
    public void AssessSubsidy_InsidePark_AnySizeExistingOrNewNoClassCondition(bool existing, RatingClass? rating)
    {
        var request = Outside("3") with { InsidePark = true, ExistingProject = existing, LeadingEnterprise = false };

        var assessment = Assess(request, rating);

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal(RuleStatus.NotApplicable, Rule(assessment, "dormitory_class").Status);
        Assert.Equal(RuleStatus.NotApplicable, Rule(assessment, "dormitory_area").Status);
    }

    [Theory]
    [InlineData("dormitory_leading")]
    [InlineData("dormitory_project")]
    [InlineData("dormitory_district")]
    public void AssessSubsidy_OutsideParkConditionMissing_NotEligible(string rule)
    {
        var request = rule switch
        {
            "dormitory_leading" => Outside() with { LeadingEnterprise = false },
            "dormitory_project" => Outside() with { ExistingProject = false },
            _ => Outside() with { InRentalHousingPriorityDistrict = false },
        };

        var assessment = Assess(request, RatingClass.A);

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Equal(RuleStatus.Failed, Rule(assessment, rule).Status);
        Assert.Empty(assessment.Entitlements);
    }
}
