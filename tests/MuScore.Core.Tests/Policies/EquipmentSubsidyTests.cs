using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;
using static MuScore.Core.Tests.Policies.SubsidyTestData;

namespace MuScore.Core.Tests.Policies;

public class EquipmentSubsidyTests
{
    private static SubsidyAssessment Assess(string project, string equipment, RatingClass? rating = RatingClass.B, bool cultivated = false, string? growth = null, string? recognised = null, string before = "0") =>
        PolicyEngine.AssessSubsidy(
            new EquipmentRenovationRequest
            {
                CreditCode = Applicant,
                Region = Linhai,
                Date = Applied,
                ProjectInvestmentWan = Number(project),
                EquipmentInvestmentWan = Number(equipment),
                Cultivated2513 = cultivated,
                LocalContributionGrowthPercent = NumberOrNull(growth),
                RecognisedEquipmentInvestmentWan = NumberOrNull(recognised),
                OrdinaryGrantedBeforeWan = Number(before),
            },
            Rules,
            ApplicantRating(rating));

    [Theory]
    [InlineData("1000", "500", "500000", "equipment_major")]
    [InlineData("999.99", "500", "250000", "equipment_ordinary")]
    [InlineData("1000", "499.99", "249995", "equipment_ordinary")]
    [InlineData("800", "200", "100000", "equipment_ordinary")]
    public void AssessSubsidy_ProjectAndEquipmentThresholds_MajorTenPercentElseOrdinaryFive(string project, string equipment, string amount, string passed)
    {
        var assessment = Assess(project, equipment);

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal(Number(amount), assessment.AmountYuan);
        Assert.Equal(RuleStatus.Passed, Rule(assessment, passed).Status);
        Assert.Equal("临政发〔2022〕22号 (十)", Rule(assessment, passed).Citation);
    }

    [Fact]
    public void AssessSubsidy_EquipmentUnder200_NotEligible()
    {
        var assessment = Assess("800", "199.99");

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Null(assessment.AmountYuan);
        Assert.Equal("NOT_ELIGIBLE under 临政发〔2022〕22号 (十): no tier's conditions are met.", assessment.Summary);
    }

    [Theory]
    [InlineData("3000", "3000000", "3000000")]
    [InlineData("3000.01", "3000010", "3000000")]
    public void AssessSubsidy_MajorCap_ThreeMillionAtAndJustOver(string equipment, string uncapped, string amount)
    {
        var assessment = Assess("5000", equipment);

        Assert.Equal(Number(uncapped), assessment.UncappedAmountYuan);
        Assert.Equal(Number(amount), assessment.AmountYuan);
        Assert.Equal(3_000_000m, assessment.CapYuan);
    }

    [Theory]
    [InlineData("170", "300000", "300000")]
    [InlineData("175", "300000", "250000")]
    [InlineData("200", "300000", "0")]
    public void AssessSubsidy_OrdinaryCapPerEnterprise_CountsWhatWasGranted(string before, string uncapped, string amount)
    {
        var assessment = Assess("800", "600", before: before);

        Assert.Equal(Number(uncapped), assessment.UncappedAmountYuan);
        Assert.Equal(amount == "0" ? null : Number(amount), assessment.AmountYuan);
        Assert.Equal(amount == "0" ? SubsidyOutcome.NotEligible : SubsidyOutcome.Eligible, assessment.Outcome);
    }

    [Theory]
    [InlineData("500", "12", null, "750000", "cultivated_2513")]
    [InlineData("500", "11.99", null, "250000", "ordinary")]
    [InlineData("499.99", "20", null, "249995", "ordinary")]
    [InlineData("500", "12", "400", "600000", "cultivated_2513")]
    public void AssessSubsidy_Cultivated2513_FifteenPercentWhenHighest(string equipment, string growth, string? recognised, string amount, string tier)
    {
        var assessment = Assess("600", equipment, cultivated: true, growth: growth, recognised: recognised);

        Assert.Equal(Number(amount), assessment.AmountYuan);
        Assert.Contains($"the highest, {tier}, is granted", Rule(assessment, "equipment_highest").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessSubsidy_MajorAndCultivated_DoNotStack()
    {
        var assessment = Assess("2000", "1000", cultivated: true, growth: "15");

        Assert.Equal(1_500_000m, assessment.AmountYuan);
        Assert.Equal(RuleStatus.Passed, Rule(assessment, "equipment_major").Status);
        Assert.Equal(RuleStatus.Passed, Rule(assessment, "equipment_cultivated_2513").Status);
    }

    [Theory]
    [InlineData(RatingClass.D, SubsidyOutcome.NotEligible, RuleStatus.Failed)]
    [InlineData(null, SubsidyOutcome.Review, RuleStatus.NeedsReview)]
    [InlineData(RatingClass.C, SubsidyOutcome.Eligible, RuleStatus.Passed)]
    public void AssessSubsidy_Class_DGetsNothingNoRatingReviewed(RatingClass? rating, SubsidyOutcome outcome, RuleStatus gate)
    {
        var assessment = Assess("1000", "500", rating);

        Assert.Equal(outcome, assessment.Outcome);
        Assert.Equal(gate, Rule(assessment, "equipment_class").Status);
        Assert.Equal(outcome == SubsidyOutcome.NotEligible ? null : 500_000m, assessment.AmountYuan);
        Assert.Equal(rating, assessment.Rating?.Class);
    }

    [Fact]
    public void AssessSubsidy_NoRuleInForce_NoPolicyInForce()
    {
        var request = new EquipmentRenovationRequest
        {
            CreditCode = Applicant,
            Region = Linhai,
            Date = new DateOnly(2024, 2, 1),
            ProjectInvestmentWan = 1000m,
            EquipmentInvestmentWan = 500m,
        };

        var assessment = PolicyEngine.AssessSubsidy(request, Presets.SubsidyRulesInForce(Linhai, request.Date), null);

        Assert.Equal(SubsidyOutcome.NoPolicyInForce, assessment.Outcome);
        Assert.Null(assessment.Policy);
    }

    [Fact]
    public void Validate_EquipmentAboveProject_Problem()
    {
        var request = new EquipmentRenovationRequest { CreditCode = Applicant, Region = Linhai, Date = Applied, ProjectInvestmentWan = 100m, EquipmentInvestmentWan = 200m };

        Assert.Equal("equipment_investment_wan", Assert.Single(request.Validate()).Field);
        Assert.Throws<ArgumentException>(() => PolicyEngine.AssessSubsidy(request, Rules, null));
    }
}
