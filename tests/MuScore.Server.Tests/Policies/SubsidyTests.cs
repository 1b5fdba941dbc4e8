using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Policies;

public sealed class SubsidyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset PublishedAt = new(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Theory]
    [InlineData("5000", "4000", "3000000", "4000000")]
    [InlineData("1000", "500", "500000", "500000")]
    public async Task AssessSubsidy_MajorEquipmentRenovation_TenPercentCappedAtThreeMillion(string project, string equipment, string amount, string uncapped)
    {
        var run = await PolicyRuns.PublishOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);

        var assessment = await Client.AssessSubsidyAsync(new AssessSubsidyRequest
        {
            CreditCode = a,
            Region = PolicyRuns.Linhai,
            Date = "2023-06-01",
            EquipmentRenovation = new EquipmentRenovation { ProjectInvestmentWan = project, EquipmentInvestmentWan = equipment },
        });

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal("equipment_renovation", assessment.Kind);
        Assert.Equal(amount, assessment.AmountYuan);
        Assert.Equal(uncapped, assessment.UncappedAmountYuan);
        Assert.Equal("3000000", assessment.CapYuan);
        Assert.Equal(run.RunId, assessment.Rating.RunId);
        Assert.Equal(RatingClass.A, assessment.Rating.RatingClass);
        Assert.Equal(RuleOutcome.Passed, assessment.Rules.Single(r => r.RuleId == "equipment_major").Outcome);
        Assert.All(assessment.Rules, r => Assert.Contains("(十)", r.Clause, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessSubsidy_AfterTheRulesExpired_NoPolicyInForce()
    {
        var assessment = await Client.AssessSubsidyAsync(new AssessSubsidyRequest
        {
            CreditCode = Records.Code(1, PolicyRuns.Linhai),
            Region = PolicyRuns.Linhai,
            Date = "2024-06-01",
            EquipmentRenovation = new EquipmentRenovation { ProjectInvestmentWan = "5000", EquipmentInvestmentWan = "4000" },
        });

        Assert.Equal(SubsidyOutcome.NoPolicyInForce, assessment.Outcome);
        Assert.False(assessment.HasAmountYuan);
    }
}
