using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Policies;

public sealed class LandTransferTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset PublishedAt = new(2023, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Fact]
    public async Task CheckLandTransfer_ReceiverClassCLastYear_DenyWithClauseSevenFailing()
    {
        var run = await PolicyRuns.PublishOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);
        var c = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.C);

        var decision = await Client.CheckLandTransferAsync(Whole(c));

        Assert.Equal(LandOutcome.Deny, decision.Outcome);
        var rule = Assert.Single(decision.Rules, r => r.RuleId == "land_receiver_class");
        Assert.Equal(RuleOutcome.Failed, rule.Outcome);
        Assert.Contains("(七)", rule.Clause, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(rule.Sentence));
        Assert.Equal(run.RunId, decision.ReceiverRating.RunId);
        Assert.Equal(2022, decision.ReceiverRating.Year);
        Assert.Equal(RatingClass.C, decision.ReceiverRating.RatingClass);
        Assert.Equal("linhai-2022", decision.Policy.Id);
    }

    [Fact]
    public async Task CheckLandTransfer_ReceiverClassAValidSplit_AllowWithEveryRuleListed()
    {
        await PolicyRuns.PublishOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);
        var request = Whole(a);
        request.Kind = TransferKind.Split;
        request.Split = new SplitPlan { ResultingAreasMu = { "10", "20" }, ByWholeBuildings = true };

        var decision = await Client.CheckLandTransferAsync(request);

        Assert.Equal(LandOutcome.Allow, decision.Outcome);
        string[] expected =
        [
            "land_receiver_class", "land_receiver_standards", "land_split_completed", "land_split_whole_buildings", "land_split_max_parcels",
            "land_split_min_area", "land_split_office_land", "land_split_not_split_before", "land_split_not_merged_before", "land_standard_land",
        ];
        Assert.All(expected, id => Assert.Contains(decision.Rules, r => r.RuleId == id));
        Assert.Equal(RuleOutcome.Passed, decision.Rules.Single(r => r.RuleId == "land_split_min_area").Outcome);
        Assert.DoesNotContain(decision.Rules, r => r.Outcome is RuleOutcome.Failed or RuleOutcome.Review);
        Assert.All(decision.Rules, r => Assert.Contains("(七)", r.Clause, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckLandTransfer_PublishedAfterTheTransferDate_Review()
    {
        await PolicyRuns.PublishOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);
        var request = Whole(a);
        request.TransferDate = "2023-02-28";

        var decision = await Client.CheckLandTransferAsync(request);

        Assert.Equal(LandOutcome.Review, decision.Outcome);
        Assert.Null(decision.ReceiverRating);
        Assert.Equal(RuleOutcome.Review, decision.Rules.Single(r => r.RuleId == "land_receiver_class").Outcome);
    }

    private static CheckLandTransferRequest Whole(string receiver) => new()
    {
        TransferDate = "2023-06-01",
        Region = PolicyRuns.Linhai,
        ReceiverCreditCode = receiver,
        Kind = TransferKind.Whole,
        Parcels =
        {
            new Parcel
            {
                Id = "P-1", AreaMu = "30", Completed = true, InProduction = true, OwnershipType = "国有", UseRight = "出让", RemainingTermYears = "35",
            },
        },
    };
}
