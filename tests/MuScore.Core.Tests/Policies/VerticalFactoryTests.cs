using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;
using static MuScore.Core.Tests.Policies.SubsidyTestData;

namespace MuScore.Core.Tests.Policies;

public class VerticalFactoryTests
{
    private static readonly NewFloorArea[] Floors = [new(3, 500m), new(4, 1000m), new(5, 1000m), new(6, 1000m), new(7, 1000m)];

    private static SubsidyAssessment Assess(string after, string renovated, RatingClass? rating, bool selfUsed = true, string total = "10000", NewFloorArea[]? floors = null) =>
        PolicyEngine.AssessSubsidy(
            new VerticalFactoryRequest
            {
                CreditCode = Applicant,
                Region = Linhai,
                Date = Applied,
                SelfOwnedAndUsed = selfUsed,
                PlotRatioBefore = 1m,
                PlotRatioAfter = Number(after),
                RenovatedFloorAreaM2 = Number(renovated),
                TotalFloorAreaAfterM2 = Number(total),
                NewFloors = floors ?? Floors,
            },
            Rules,
            ApplicantRating(rating));

    [Theory]
    [InlineData("1.2", "2000", RuleStatus.NotApplicable, "170000")]
    [InlineData("1.2001", "2000", RuleStatus.Passed, "100000")]
    [InlineData("1.2", "2001", RuleStatus.Passed, "100050")]
    public void AssessSubsidy_PlotRatioOrShareTwentyPercentExclusive_TierOneOnlyAbove(string after, string renovated, RuleStatus tier1, string amount)
    {
        var assessment = Assess(after, renovated, RatingClass.B);

        Assert.Equal(tier1, Rule(assessment, "vertical_tier1_condition").Status);
        Assert.Equal(Number(amount), assessment.AmountYuan);
        Assert.Equal("临政发〔2022〕22号 (十一)", Rule(assessment, "vertical_tier1_condition").Citation);
    }

    [Theory]
    [InlineData(RatingClass.A, SubsidyOutcome.Eligible, "120000")]
    [InlineData(RatingClass.B, SubsidyOutcome.Eligible, "100000")]
    [InlineData(RatingClass.C, SubsidyOutcome.NotEligible, null)]
    [InlineData(RatingClass.D, SubsidyOutcome.NotEligible, null)]
    [InlineData(null, SubsidyOutcome.Review, null)]
    public void AssessSubsidy_TierOneByClass_ASixtyBFiftyOthersNothing(RatingClass? rating, SubsidyOutcome outcome, string? amount)
    {
        var assessment = Assess("1.5", "2000", rating);

        Assert.Equal(outcome, assessment.Outcome);
        Assert.Equal(NumberOrNull(amount), assessment.AmountYuan);
    }

    [Fact]
    public void AssessSubsidy_TierOneWithoutRating_ReviewShowsEachClassAmount()
    {
        var reason = Rule(Assess("1.5", "2000", null), "vertical_tier1_rate").Reason;

        Assert.Contains("A 120000 元, B 100000 元", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RatingClass.C, SubsidyOutcome.Eligible)]
    [InlineData(RatingClass.D, SubsidyOutcome.NotEligible)]
    [InlineData(null, SubsidyOutcome.Review)]
    public void AssessSubsidy_TierTwoFloors_ThirtyFortyFiftyAnyClassButD(RatingClass? rating, SubsidyOutcome outcome)
    {
        var assessment = Assess("1.1", "1000", rating);

        Assert.Equal(outcome, assessment.Outcome);
        Assert.Equal(170_000m, assessment.UncappedAmountYuan);
        Assert.Contains("floor 3 earns nothing", Rule(assessment, "vertical_tier2_floors").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AssessSubsidy_TierTwoOnlyLowFloors_NotEligible()
    {
        var assessment = Assess("1.1", "1000", RatingClass.A, floors: [new(2, 800m), new(3, 800m)]);

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Equal(RuleStatus.NotApplicable, Rule(assessment, "vertical_tier2_floors").Status);
    }

    [Theory]
    [InlineData("20000", "1000000", "1000000")]
    [InlineData("20000.01", "1000000.5", "1000000")]
    public void AssessSubsidy_CapPerProject_OneMillionAtAndJustOver(string renovated, string uncapped, string amount)
    {
        var assessment = Assess("2", renovated, RatingClass.B, total: "100000");

        Assert.Equal(Number(uncapped), assessment.UncappedAmountYuan);
        Assert.Equal(Number(amount), assessment.AmountYuan);
        Assert.Equal(1_000_000m, assessment.CapYuan);
    }

    [Fact]
    public void AssessSubsidy_NotSelfOwnedAndUsed_NotEligible()
    {
        var assessment = Assess("1.5", "2000", RatingClass.A, selfUsed: false);

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Equal("NOT_ELIGIBLE under 临政发〔2022〕22号 (十一): vertical_self_owned failed.", assessment.Summary);
    }
}
