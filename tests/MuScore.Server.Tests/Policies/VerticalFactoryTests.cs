using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using static MuScore.Server.Tests.Policies.LinhaiSubsidies;

namespace MuScore.Server.Tests.Policies;

/// <summary>Clause (十一) vertical factories ("零增地" renovation) through AssessSubsidy, with linhai-2022's figures.</summary>
public sealed class VerticalFactoryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Clause = Source + " (十一)";

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Theory]
    [InlineData(RatingClass.A, "120000")]
    [InlineData(RatingClass.B, "100000")]
    public async Task AssessSubsidy_TierOneByClass_ASixtyBFiftyYuanPerSquareMetre(RatingClass rating, string amount)
    {
        var (run, publication) = await PublishSampleAsync(fixture);
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, rating);

        var assessment = await Client.AssessSubsidyAsync(Application(code, after: "1.5", renovated: "2000"));

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal("vertical_factory", assessment.Kind);
        Assert.Equal(amount, assessment.AmountYuan);
        Assert.Equal(amount, assessment.UncappedAmountYuan);
        Assert.Equal("1000000", assessment.CapYuan);
        Assert.Equal(
            ["vertical_self_owned", "vertical_class", "vertical_tier1_condition", "vertical_tier1_rate", "vertical_tier2_floors", "vertical_cap"],
            assessment.Rules.Select(r => r.RuleId));
        Assert.Equal(
            [RuleOutcome.Passed, RuleOutcome.Passed, RuleOutcome.Passed, RuleOutcome.Passed, RuleOutcome.NotApplicable, RuleOutcome.Passed],
            assessment.Rules.Select(r => r.Outcome));
        Assert.Contains($"2000 m² renovated = {amount} 元", Rule(assessment, "vertical_tier1_rate").Sentence, StringComparison.Ordinal);
        Assert.Equal(Clause, Rule(assessment, "vertical_tier1_rate").Clause);
        Assert.Equal(Clause + "; docs/method.md §1", Rule(assessment, "vertical_class").Clause);
        Assert.All(assessment.Rules, r => Assert.StartsWith(Clause, r.Clause, StringComparison.Ordinal));
        Assert.Equal($"ELIGIBLE: {amount} 元 under {Clause}.", assessment.Summary);
        NamesPublication(assessment.Rating, run, publication, rating);
        NamesLinhaiPolicy(assessment.Policy);
    }

    [Theory]
    [InlineData("1.2", "2000", RuleOutcome.NotApplicable, "170000")]
    [InlineData("1.2001", "2000", RuleOutcome.Passed, "100000")]
    [InlineData("1.2", "2001", RuleOutcome.Passed, "100050")]
    public async Task AssessSubsidy_PlotRatioOrShareAtTwentyPercent_TierOneOnlyStrictlyAbove(string after, string renovated, RuleOutcome tier1, string amount)
    {
        await PublishSampleAsync(fixture);
        var b = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.B);

        var assessment = await Client.AssessSubsidyAsync(Application(b, after, renovated));

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal(tier1, Rule(assessment, "vertical_tier1_condition").Outcome);
        Assert.Equal(tier1 == RuleOutcome.Passed ? RuleOutcome.NotApplicable : RuleOutcome.Passed, Rule(assessment, "vertical_tier2_floors").Outcome);
        Assert.Equal(amount, assessment.AmountYuan);
        Assert.Equal(Clause, Rule(assessment, "vertical_tier1_condition").Clause);
    }

    [Fact]
    public async Task AssessSubsidy_TierTwoClassC_ThirtyFortyFiftyByFloorFromTheFourth()
    {
        await PublishSampleAsync(fixture);
        var c = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.C);

        var assessment = await Client.AssessSubsidyAsync(Application(c, after: "1.1", renovated: "1000"));

        // 4th 30 × 1000 + 5th 40 × 1000 + 6th and 7th 50 × 1000 each; the 3rd floor earns nothing.
        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal("170000", assessment.AmountYuan);
        Assert.Equal(RuleOutcome.Passed, Rule(assessment, "vertical_class").Outcome);
        Assert.Equal(RuleOutcome.NotApplicable, Rule(assessment, "vertical_tier1_rate").Outcome);
        var floors = Rule(assessment, "vertical_tier2_floors");
        Assert.Equal(RuleOutcome.Passed, floors.Outcome);
        Assert.Contains("floor 3 earns nothing", floors.Sentence, StringComparison.Ordinal);
        Assert.Contains("floor 6: 50 元/m² × 1000 m²", floors.Sentence, StringComparison.Ordinal);
        Assert.Equal(RatingClass.C, assessment.Rating.RatingClass);
    }

    [Fact]
    public async Task AssessSubsidy_ClassCMeetingTierOne_NotEligibleWithTierOneRateFailed()
    {
        await PublishSampleAsync(fixture);
        var c = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.C);

        var assessment = await Client.AssessSubsidyAsync(Application(c, after: "1.5", renovated: "2000"));

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.False(assessment.HasAmountYuan);
        Assert.Equal(["vertical_tier1_rate"], assessment.Rules.Where(r => r.Outcome == RuleOutcome.Failed).Select(r => r.RuleId));
        Assert.Equal(RuleOutcome.NotApplicable, Rule(assessment, "vertical_tier2_floors").Outcome);
        Assert.Equal($"NOT_ELIGIBLE under {Clause}: vertical_tier1_rate failed.", assessment.Summary);
        Assert.Equal(RatingClass.C, assessment.Rating.RatingClass);
    }

    [Fact]
    public async Task AssessSubsidy_ClassDOnTierTwo_NotEligibleWithClassGateFailed()
    {
        await PublishSampleAsync(fixture);
        var d = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.D);

        var assessment = await Client.AssessSubsidyAsync(Application(d, after: "1.1", renovated: "1000"));

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.False(assessment.HasAmountYuan);
        Assert.Equal("170000", assessment.UncappedAmountYuan);
        var gate = Rule(assessment, "vertical_class");
        Assert.Equal(RuleOutcome.Failed, gate.Outcome);
        Assert.Contains("class D", gate.Sentence, StringComparison.Ordinal);
        Assert.Equal(["vertical_class"], assessment.Rules.Where(r => r.Outcome == RuleOutcome.Failed).Select(r => r.RuleId));
        Assert.Equal($"NOT_ELIGIBLE under {Clause}: vertical_class failed.", assessment.Summary);
    }

    [Theory]
    [InlineData("20000", "1000000")]
    [InlineData("20000.01", "1000000.5")]
    public async Task AssessSubsidy_CapPerProject_OneMillionYuanAtAndJustOver(string renovated, string uncapped)
    {
        await PublishSampleAsync(fixture);
        var b = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.B);

        var assessment = await Client.AssessSubsidyAsync(Application(b, after: "2", renovated, total: "100000"));

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal("1000000", assessment.AmountYuan);
        Assert.Equal(uncapped, assessment.UncappedAmountYuan);
        Assert.Equal("1000000", assessment.CapYuan);
        var cap = Rule(assessment, "vertical_cap");
        Assert.Equal(RuleOutcome.Passed, cap.Outcome);
        Assert.Contains(uncapped == "1000000" ? "is within the cap of 100 万元" : "exceeds the cap of 100 万元", cap.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessSubsidy_TierOneWithoutRating_ReviewShowingEachClassAmount()
    {
        await PublishSampleAsync(fixture);

        var assessment = await Client.AssessSubsidyAsync(Application(Records.Code(999, PolicyRuns.Linhai), after: "1.5", renovated: "2000"));

        Assert.Equal(SubsidyOutcome.Review, assessment.Outcome);
        Assert.Null(assessment.Rating);
        Assert.False(assessment.HasAmountYuan);
        Assert.Equal(RuleOutcome.Review, Rule(assessment, "vertical_class").Outcome);
        var rate = Rule(assessment, "vertical_tier1_rate");
        Assert.Equal(RuleOutcome.Review, rate.Outcome);
        Assert.Contains("A 120000 元, B 100000 元", rate.Sentence, StringComparison.Ordinal);
        NamesLinhaiPolicy(assessment.Policy);
    }

    [Fact]
    public async Task AssessSubsidy_NotSelfOwnedAndUsed_NotEligible()
    {
        await PublishSampleAsync(fixture);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);
        var request = Application(a, after: "1.5", renovated: "2000");
        request.VerticalFactory.SelfOwnedAndUsed = false;

        var assessment = await Client.AssessSubsidyAsync(request);

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Equal(RuleOutcome.Failed, Rule(assessment, "vertical_self_owned").Outcome);
        Assert.Equal($"NOT_ELIGIBLE under {Clause}: vertical_self_owned failed.", assessment.Summary);
    }

    [Fact]
    public async Task AssessSubsidy_AfterTheRulesExpired_NoPolicyInForce()
    {
        await PublishSampleAsync(fixture);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);

        var assessment = await Client.AssessSubsidyAsync(Application(a, after: "1.5", renovated: "2000", date: "2024-01-01"));

        Assert.Equal(SubsidyOutcome.NoPolicyInForce, assessment.Outcome);
        Assert.False(assessment.HasAmountYuan);
        Assert.Empty(assessment.Rules);
    }

    /// <summary>Plot ratio 1 before; new production floors 3rd 500 m², 4th to 7th 1000 m² each (the core tests' project).</summary>
    private static AssessSubsidyRequest Application(string code, string after, string renovated, string total = "10000", string date = Applied)
    {
        var request = Request(code, date);
        request.VerticalFactory = new VerticalFactory
        {
            SelfOwnedAndUsed = true,
            PlotRatioBefore = "1",
            PlotRatioAfter = after,
            RenovatedFloorAreaM2 = renovated,
            TotalFloorAreaAfterM2 = total,
            NewFloors =
            {
                new NewFloorArea { Floor = 3, AreaM2 = "500" },
                new NewFloorArea { Floor = 4, AreaM2 = "1000" },
                new NewFloorArea { Floor = 5, AreaM2 = "1000" },
                new NewFloorArea { Floor = 6, AreaM2 = "1000" },
                new NewFloorArea { Floor = 7, AreaM2 = "1000" },
            },
        };
        return request;
    }
}
