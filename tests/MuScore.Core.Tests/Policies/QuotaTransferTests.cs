using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;
using static MuScore.Core.Tests.Policies.SubsidyTestData;

namespace MuScore.Core.Tests.Policies;

public class QuotaTransferTests
{
    private static QuotaTransferRequest Acquisition() => new()
    {
        CreditCode = Applicant,
        Region = Linhai,
        Date = Applied,
        TargetCreditCode = Code(78),
        TargetTwoHighOneLow = true,
        RegisteredAndTaxedLocally = true,
    };

    [Theory]
    [InlineData(RatingClass.A, SubsidyOutcome.Eligible)]
    [InlineData(RatingClass.B, SubsidyOutcome.Eligible)]
    [InlineData(RatingClass.C, SubsidyOutcome.NotEligible)]
    [InlineData(RatingClass.D, SubsidyOutcome.NotEligible)]
    [InlineData(null, SubsidyOutcome.Review)]
    public void AssessSubsidy_AcquirerPreviousYearClass_AOrBTakesTheQuotas(RatingClass? rating, SubsidyOutcome outcome)
    {
        var assessment = PolicyEngine.AssessSubsidy(Acquisition(), Rules, ApplicantRating(rating));

        Assert.Equal(outcome, assessment.Outcome);
        Assert.Equal("临政发〔2022〕22号 (九)", Rule(assessment, "quota_acquirer_class").Citation);
        if (outcome != SubsidyOutcome.NotEligible)
        {
            Assert.Equal(["discharge_quota", "energy_quota", "land_quota", "reorganisation_tax_relief"], assessment.Entitlements.Select(e => e.Code));
            Assert.Contains("(土地指标)", assessment.Entitlements[2].Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AssessSubsidy_RatingNotOfThePreviousYear_Review()
    {
        var assessment = PolicyEngine.AssessSubsidy(Acquisition(), Rules, ApplicantRating(RatingClass.A, year: 2021));

        Assert.Equal(SubsidyOutcome.Review, assessment.Outcome);
        Assert.Contains("previous year's evaluation (2022)", Rule(assessment, "quota_acquirer_class").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, "quota_target_two_high_one_low")]
    [InlineData(true, false, "quota_local_registration")]
    public void AssessSubsidy_TargetNotTwoHighOneLowOrLeavesTheCity_NotEligible(bool twoHigh, bool local, string rule)
    {
        var request = Acquisition() with { TargetTwoHighOneLow = twoHigh, RegisteredAndTaxedLocally = local };

        var assessment = PolicyEngine.AssessSubsidy(request, Rules, ApplicantRating(RatingClass.A));

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Equal(RuleStatus.Failed, Rule(assessment, rule).Status);
    }

    [Fact]
    public void Validate_AcquiringItself_Problem()
    {
        Assert.Equal("target_credit_code", Assert.Single((Acquisition() with { TargetCreditCode = Applicant }).Validate()).Field);
    }
}
