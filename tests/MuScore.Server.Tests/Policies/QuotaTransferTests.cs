using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using static MuScore.Server.Tests.Policies.LinhaiSubsidies;

namespace MuScore.Server.Tests.Policies;

/// <summary>Clause (九): an A or B acquirer (previous year's evaluation) of a "两高一低" enterprise takes over its quotas.</summary>
public sealed class QuotaTransferTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Clause = Source + " (九)";

    /// <summary>The 2023 evaluation, published late in 2023 while the rules are still in force.</summary>
    private static readonly DateTimeOffset Published2023 = new(2023, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] Quotas = ["discharge_quota", "energy_quota", "land_quota", "reorganisation_tax_relief"];

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Theory]
    [InlineData(RatingClass.A)]
    [InlineData(RatingClass.B)]
    public async Task AssessSubsidy_AcquirerAOrBLastYear_EligibleWithEveryQuotaListed(RatingClass rating)
    {
        var (run, publication) = await PublishSampleAsync(fixture);
        var acquirer = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, rating);

        var assessment = await Client.AssessSubsidyAsync(Acquisition(acquirer));

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal("quota_transfer", assessment.Kind);
        Assert.False(assessment.HasAmountYuan);
        Assert.False(assessment.HasCapYuan);
        Assert.Equal(Quotas, assessment.Entitlements.Select(e => e.Code));
        Assert.Contains("(土地指标)", Entitled(assessment, "land_quota").Description, StringComparison.Ordinal);
        Assert.Contains("(用能指标)", Entitled(assessment, "energy_quota").Description, StringComparison.Ordinal);
        Assert.Contains("(排污指标)", Entitled(assessment, "discharge_quota").Description, StringComparison.Ordinal);
        Assert.Equal(["quota_acquirer_class", "quota_target_two_high_one_low", "quota_local_registration"], assessment.Rules.Select(r => r.RuleId));
        Assert.All(assessment.Rules, r => Assert.Equal(RuleOutcome.Passed, r.Outcome));
        Assert.All(assessment.Rules, r => Assert.Equal(Clause, r.Clause));
        Assert.Contains($"was class {rating} in the previous year's evaluation", Rule(assessment, "quota_acquirer_class").Sentence, StringComparison.Ordinal);
        Assert.Equal($"ELIGIBLE: 4 entitlements under {Clause}.", assessment.Summary);
        NamesPublication(assessment.Rating, run, publication, rating);
        NamesLinhaiPolicy(assessment.Policy);
    }

    [Theory]
    [InlineData(RatingClass.C)]
    [InlineData(RatingClass.D)]
    public async Task AssessSubsidy_AcquirerCOrDLastYear_NotEligibleWithAcquirerClassFailed(RatingClass rating)
    {
        await PublishSampleAsync(fixture);
        var acquirer = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, rating);

        var assessment = await Client.AssessSubsidyAsync(Acquisition(acquirer));

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Empty(assessment.Entitlements);
        var rule = Rule(assessment, "quota_acquirer_class");
        Assert.Equal(RuleOutcome.Failed, rule.Outcome);
        Assert.Contains("only class A or B qualifies (上一年度亩均评价为A、B类企业)", rule.Sentence, StringComparison.Ordinal);
        Assert.Equal($"NOT_ELIGIBLE under {Clause}: quota_acquirer_class failed.", assessment.Summary);
        Assert.Equal(rating, assessment.Rating.RatingClass);
        Assert.Equal(2022, assessment.Rating.Year);
    }

    [Fact]
    public async Task AssessSubsidy_LastYearPublishedAfterTheDate_ReviewWithoutRating()
    {
        await PublishSampleAsync(fixture);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);

        // The 2022 evaluation is published on 2023-03-01: the day before, the clause has nothing to read.
        var assessment = await Client.AssessSubsidyAsync(Acquisition(a, date: "2023-02-28"));

        Assert.Equal(SubsidyOutcome.Review, assessment.Outcome);
        Assert.Null(assessment.Rating);
        var rule = Rule(assessment, "quota_acquirer_class");
        Assert.Equal(RuleOutcome.Review, rule.Outcome);
        Assert.Contains("no published rating in the 2022 evaluation", rule.Sentence, StringComparison.Ordinal);
        Assert.Equal(Quotas, assessment.Entitlements.Select(e => e.Code));
        Assert.Equal($"REVIEW: 4 entitlements under {Clause} if quota_acquirer_class is confirmed.", assessment.Summary);
    }

    [Fact]
    public async Task AssessSubsidy_RatedOnlyInTheApplicationYear_ReviewNotTheNewerRating()
    {
        var newcomer = Records.Enterprise(1, PolicyRuns.Linhai, tax: 5000m);
        newcomer.InConstruction = "是";
        newcomer.FixedAssetInvestment = "12000";
        await PublishSampleAsync(fixture);
        await PolicyRuns.PublishVersionOnAsync(fixture.Server, PolicyRuns.Linhai, 2023, [.. Records.Sample(PolicyRuns.Linhai, 2023), newcomer], Published2023);
        Assert.Equal(RatingClass.A, await ClassOfAsync(newcomer.CreditCode, 2023));

        var assessment = await Client.AssessSubsidyAsync(Acquisition(newcomer.CreditCode, date: "2023-12-01"));

        Assert.Equal(SubsidyOutcome.Review, assessment.Outcome);
        Assert.Null(assessment.Rating);
        Assert.Equal(RuleOutcome.Review, Rule(assessment, "quota_acquirer_class").Outcome);
        Assert.Contains("2022 evaluation", Rule(assessment, "quota_acquirer_class").Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessSubsidy_ALastYearDThisYear_EligibleOnThePreviousYearsEvaluation()
    {
        // Made A by its construction-period investment in 2022, vetoed to D in the 2023 evaluation.
        var acquirer = Records.Enterprise(2, PolicyRuns.Linhai, tax: 5000m);
        acquirer.InConstruction = "是";
        acquirer.FixedAssetInvestment = "12000";
        var (run, publication) = await PolicyRuns.PublishVersionOnAsync(
            fixture.Server, PolicyRuns.Linhai, 2022, [.. Records.Sample(PolicyRuns.Linhai, 2022), acquirer], PublishedAt);
        var vetoed = acquirer.Clone();
        vetoed.InConstruction = string.Empty;
        vetoed.FixedAssetInvestment = string.Empty;
        vetoed.FailsStandards = "是";
        await PolicyRuns.PublishVersionOnAsync(fixture.Server, PolicyRuns.Linhai, 2023, [.. Records.Sample(PolicyRuns.Linhai, 2023), vetoed], Published2023);
        Assert.Equal(RatingClass.D, await ClassOfAsync(acquirer.CreditCode, 2023));

        var assessment = await Client.AssessSubsidyAsync(Acquisition(acquirer.CreditCode, date: "2023-12-01"));

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal(Quotas, assessment.Entitlements.Select(e => e.Code));
        NamesPublication(assessment.Rating, run, publication, RatingClass.A);
    }

    [Theory]
    [InlineData(false, true, "quota_target_two_high_one_low")]
    [InlineData(true, false, "quota_local_registration")]
    public async Task AssessSubsidy_TargetNotTwoHighOneLowOrLeavesTheCity_NotEligible(bool twoHighOneLow, bool local, string failed)
    {
        await PublishSampleAsync(fixture);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);
        var request = Acquisition(a);
        request.QuotaTransfer.TargetTwoHighOneLow = twoHighOneLow;
        request.QuotaTransfer.RegisteredAndTaxedLocally = local;

        var assessment = await Client.AssessSubsidyAsync(request);

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Empty(assessment.Entitlements);
        Assert.Equal([failed], assessment.Rules.Where(r => r.Outcome == RuleOutcome.Failed).Select(r => r.RuleId));
        Assert.Equal(RuleOutcome.Passed, Rule(assessment, "quota_acquirer_class").Outcome);
    }

    /// <summary>An acquisition of a "两高一低" target that stays registered and taxed in Linhai.</summary>
    private static AssessSubsidyRequest Acquisition(string acquirer, string date = Applied)
    {
        var request = Request(acquirer, date);
        request.QuotaTransfer = new QuotaTransfer
        {
            TargetCreditCode = Records.Code(777, PolicyRuns.Linhai),
            TargetTwoHighOneLow = true,
            RegisteredAndTaxedLocally = true,
        };
        return request;
    }

    private async Task<RatingClass> ClassOfAsync(string code, int year) =>
        (await fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { Region = PolicyRuns.Linhai, CreditCode = code, Year = year })).Rating.RatingClass;
}
