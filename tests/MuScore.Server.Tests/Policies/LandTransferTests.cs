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

    [Fact]
    public async Task CheckLandTransfer_MergeAdjacentSameRights_AllowWithEarliestTermEnd()
    {
        await PolicyRuns.PublishOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);

        var decision = await Client.CheckLandTransferAsync(Merge(a, "P-2", "国有"));

        Assert.Equal(LandOutcome.Allow, decision.Outcome);
        Assert.Equal("2051-03-31", decision.MergedTermEndDate);
        Assert.All(decision.Rules.Where(r => r.RuleId.StartsWith("land_merge_", StringComparison.Ordinal)), r => Assert.Equal(RuleOutcome.Passed, r.Outcome));
        Assert.Equal(RuleOutcome.NotApplicable, decision.Rules.Single(r => r.RuleId == "land_split_min_area").Outcome);
    }

    [Fact]
    public async Task CheckLandTransfer_MergeNotAdjacentAndDifferentOwnership_DenyNamingBothRules()
    {
        await PolicyRuns.PublishOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);

        var decision = await Client.CheckLandTransferAsync(Merge(a, adjacentTo: null, secondOwnership: "集体"));

        Assert.Equal(LandOutcome.Deny, decision.Outcome);
        var failed = decision.Rules.Where(r => r.Outcome == RuleOutcome.Failed).Select(r => r.RuleId).ToList();
        Assert.Contains("land_merge_adjacent", failed);
        Assert.Contains(failed, id => id.StartsWith("land_merge_same_", StringComparison.Ordinal));
        Assert.All(decision.Rules.Where(r => r.Outcome == RuleOutcome.Failed), r => Assert.Contains("(七)", r.Clause, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckLandTransfer_StandardLandParcel_ObligationsCarryTheOriginalIndicators()
    {
        await PolicyRuns.PublishOnAsync(fixture.Server, PolicyRuns.Linhai, 2022, Records.Sample(PolicyRuns.Linhai, 2022), PublishedAt);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);
        var request = Whole(a);
        request.Parcels[0].StandardLand = true;
        request.Parcels[0].StandardLandIndicators.Add(new StandardLandIndicator { Name = "亩均税收", Value = "30", Unit = "万元/亩" });

        var decision = await Client.CheckLandTransferAsync(request);

        Assert.Equal(LandOutcome.Allow, decision.Outcome);
        var obligation = Assert.Single(decision.Obligations);
        Assert.Equal("P-1", obligation.ParcelId);
        Assert.Equal("亩均税收", obligation.Indicator.Name);
        Assert.Equal("30", obligation.Indicator.Value);
        Assert.Contains("亩均税收", obligation.Text, StringComparison.Ordinal);
    }

    private static CheckLandTransferRequest Merge(string receiver, string? adjacentTo, string secondOwnership)
    {
        var first = new Parcel { Id = "P-1", AreaMu = "12", Completed = true, InProduction = true, OwnershipType = "国有", UseRight = "出让", TermEndDate = "2056-12-31" };
        if (adjacentTo is not null)
        {
            first.AdjacentParcelIds.Add(adjacentTo);
        }

        return new CheckLandTransferRequest
        {
            TransferDate = "2023-06-01",
            Region = PolicyRuns.Linhai,
            ReceiverCreditCode = receiver,
            Kind = TransferKind.Merge,
            Parcels =
            {
                first,
                new Parcel { Id = "P-2", AreaMu = "8.5", Completed = true, InProduction = true, OwnershipType = secondOwnership, UseRight = "出让", TermEndDate = "2051-03-31" },
            },
        };
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
