using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;

namespace MuScore.Core.Tests.Policies;

public class LandTransferTests
{
    private static readonly DateOnly TransferDate = new(2023, 9, 1);
    private static readonly string Receiver = Code(42);
    private static readonly LandRules Rules = Presets.LandRulesInForce(Linhai, TransferDate)!;

    private static Parcel Land(string id = "P1", decimal area = 30m) => new()
    {
        Id = id,
        AreaMu = area,
        Completed = true,
        InProduction = true,
        OwnershipType = "国有",
        UseRight = "出让",
    };

    private static LandTransferRequest Split(Parcel parcel, params decimal[] areas) => new()
    {
        TransferDate = TransferDate,
        Region = Linhai,
        ReceiverCreditCode = Receiver,
        Kind = TransferKind.Split,
        Parcels = [parcel],
        Split = new SplitPlan { ResultingAreasMu = areas, ByWholeBuildings = true, OfficeLivingLand = OfficeLivingLand.KeptWithOneParcel },
    };

    private static LandTransferRequest Whole(Parcel parcel) => new()
    {
        TransferDate = TransferDate,
        Region = Linhai,
        ReceiverCreditCode = Receiver,
        Kind = TransferKind.Whole,
        Parcels = [parcel],
    };

    private static LandTransferRequest Merge(params Parcel[] parcels) => new()
    {
        TransferDate = TransferDate,
        Region = Linhai,
        ReceiverCreditCode = Receiver,
        Kind = TransferKind.Merge,
        Parcels = parcels,
    };

    private static LandTransferDecision Check(LandTransferRequest request, RatingClass? receiver = RatingClass.A, bool failsStandards = false, int year = 2022) =>
        PolicyEngine.CheckLandTransfer(request, Rules, receiver is { } c ? Rated(Receiver, Linhai, year, c) : null, failsStandards);

    private static RuleResult Rule(LandTransferDecision decision, string id) => Assert.Single(decision.Rules, r => r.RuleId == id);

    [Theory]
    [InlineData(RatingClass.A, LandOutcome.Allow, RuleStatus.Passed)]
    [InlineData(RatingClass.B, LandOutcome.Allow, RuleStatus.Passed)]
    [InlineData(RatingClass.C, LandOutcome.Deny, RuleStatus.Failed)]
    [InlineData(RatingClass.D, LandOutcome.Deny, RuleStatus.Failed)]
    [InlineData(null, LandOutcome.Review, RuleStatus.NeedsReview)]
    public void CheckLandTransfer_ReceiverPreviousYearClass_CAndDDeniedNoRatingReviewed(RatingClass? receiver, LandOutcome outcome, RuleStatus status)
    {
        var decision = Check(Whole(Land()), receiver);

        Assert.Equal(outcome, decision.Outcome);
        var rule = Rule(decision, "land_receiver_class");
        Assert.Equal(status, rule.Status);
        Assert.Equal("临政发〔2022〕22号 (七)", rule.Citation);
        Assert.Equal(receiver, decision.ReceiverRating?.Class);
    }

    [Fact]
    public void CheckLandTransfer_RatingOfAnotherYear_Review()
    {
        var decision = Check(Whole(Land()), RatingClass.A, year: 2021);

        Assert.Equal(LandOutcome.Review, decision.Outcome);
        Assert.Contains("previous year's evaluation (2022)", Rule(decision, "land_receiver_class").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckLandTransfer_ReceiverFailsStandards_Deny()
    {
        var decision = Check(Whole(Land()), RatingClass.A, failsStandards: true);

        Assert.Equal(LandOutcome.Deny, decision.Outcome);
        Assert.Equal(RuleStatus.Failed, Rule(decision, "land_receiver_standards").Status);
        Assert.Equal("DENY: land_receiver_standards failed.", decision.Summary);
    }

    [Fact]
    public void CheckLandTransfer_Whole_EveryRuleEvaluatedSplitAndMergeNotApplicable()
    {
        var decision = Check(Whole(Land()));

        Assert.Equal(14, decision.Rules.Count);
        Assert.All(decision.Rules.Where(r => r.RuleId.StartsWith("land_split", StringComparison.Ordinal) || r.RuleId.StartsWith("land_merge", StringComparison.Ordinal)),
            r => Assert.Equal(RuleStatus.NotApplicable, r.Status));
        Assert.Equal("linhai-2022", decision.Policy.Id);
        Assert.Equal(PolicyJson.Hash(PolicyPresets.Get("linhai-2022")), decision.Policy.Hash);
    }

    [Theory]
    [InlineData("10", "20", RuleStatus.Passed)]
    [InlineData("9.99", "20.01", RuleStatus.Failed)]
    [InlineData("10.00", "20.00", RuleStatus.Passed)]
    public void CheckLandTransfer_SplitParcelArea_AtLeastTenMuInclusive(string first, string second, RuleStatus expected)
    {
        var areas = new[] { first, second }.Select(a => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var decision = Check(Split(Land(), areas));

        Assert.Equal(expected, Rule(decision, "land_split_min_area").Status);
        Assert.Equal(expected == RuleStatus.Passed ? LandOutcome.Allow : LandOutcome.Deny, decision.Outcome);
    }

    [Theory]
    [InlineData(3, false, RuleStatus.Passed, LandOutcome.Allow)]
    [InlineData(4, false, RuleStatus.Failed, LandOutcome.Deny)]
    [InlineData(4, true, RuleStatus.NotApplicable, LandOutcome.Allow)]
    [InlineData(6, true, RuleStatus.NotApplicable, LandOutcome.Allow)]
    public void CheckLandTransfer_SplitCount_AtMostThreeUnlessIndustrialRealEstate(int count, bool realEstate, RuleStatus status, LandOutcome outcome)
    {
        var parcel = Land(area: 10m * count) with { IndustrialRealEstate = realEstate };

        var decision = Check(Split(parcel, [.. Enumerable.Repeat(10m, count)]));

        Assert.Equal(status, Rule(decision, "land_split_max_parcels").Status);
        Assert.Equal(outcome, decision.Outcome);
    }

    [Theory]
    [InlineData(true, false, "land_split_completed")]
    [InlineData(false, true, "land_split_completed")]
    public void CheckLandTransfer_SplitNotCompletedOrNotInProduction_Deny(bool completed, bool inProduction, string rule)
    {
        var decision = Check(Split(Land() with { Completed = completed, InProduction = inProduction }, 15m, 15m));

        Assert.Equal(RuleStatus.Failed, Rule(decision, rule).Status);
        Assert.Equal(LandOutcome.Deny, decision.Outcome);
    }

    [Fact]
    public void CheckLandTransfer_SplitThroughABuilding_Deny()
    {
        var request = Split(Land(), 15m, 15m);
        var decision = Check(request with { Split = request.Split! with { ByWholeBuildings = false } });

        Assert.Equal(RuleStatus.Failed, Rule(decision, "land_split_whole_buildings").Status);
    }

    [Theory]
    [InlineData(OfficeLivingLand.None, RuleStatus.NotApplicable)]
    [InlineData(OfficeLivingLand.KeptWithOneParcel, RuleStatus.Passed)]
    [InlineData(OfficeLivingLand.Divided, RuleStatus.Failed)]
    public void CheckLandTransfer_OfficeLivingLand_StaysWithOneParcel(OfficeLivingLand office, RuleStatus expected)
    {
        var request = Split(Land(), 15m, 15m);

        var decision = Check(request with { Split = request.Split! with { OfficeLivingLand = office } });

        Assert.Equal(expected, Rule(decision, "land_split_office_land").Status);
    }

    [Theory]
    [InlineData(true, false, "land_split_not_split_before")]
    [InlineData(false, true, "land_split_not_merged_before")]
    public void CheckLandTransfer_SplitBeforeOrMergedBefore_Deny(bool splitBefore, bool mergedBefore, string rule)
    {
        var decision = Check(Split(Land() with { SplitBefore = splitBefore, MergedBefore = mergedBefore }, 15m, 15m));

        Assert.Equal(RuleStatus.Failed, Rule(decision, rule).Status);
        Assert.Equal($"DENY: {rule} failed.", decision.Summary);
    }

    [Fact]
    public void CheckLandTransfer_MergedParcelWholeTransfer_Allowed()
    {
        Assert.Equal(LandOutcome.Allow, Check(Whole(Land() with { MergedBefore = true, SplitBefore = true })).Outcome);
    }

    [Fact]
    public void CheckLandTransfer_MergeAdjacentSameRights_AllowWithShortestEndDate()
    {
        var a = Land("A", 12m) with { AdjacentParcelIds = ["B"], TermEndDate = new DateOnly(2055, 3, 1) };
        var b = Land("B", 8m) with { AdjacentParcelIds = ["C"], TermEndDate = new DateOnly(2051, 6, 30) };
        var c = Land("C", 5m) with { TermEndDate = new DateOnly(2060, 1, 1) };

        var decision = Check(Merge(a, b, c));

        Assert.Equal(LandOutcome.Allow, decision.Outcome);
        Assert.Equal(new DateOnly(2051, 6, 30), decision.MergedTermEndDate);
        Assert.Null(decision.MergedRemainingTermYears);
        Assert.Contains("2051-06-30", Rule(decision, "land_merge_term").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckLandTransfer_MergeTermsInYears_ShortestYears()
    {
        var decision = Check(Merge(Land("A") with { AdjacentParcelIds = ["B"], RemainingTermYears = 31.5m }, Land("B") with { RemainingTermYears = 28.25m }));

        Assert.Equal(28.25m, decision.MergedRemainingTermYears);
    }

    [Fact]
    public void CheckLandTransfer_MergeNotAdjacent_Deny()
    {
        var decision = Check(Merge(
            Land("A") with { AdjacentParcelIds = ["B"], RemainingTermYears = 30m },
            Land("B") with { RemainingTermYears = 30m },
            Land("C") with { RemainingTermYears = 30m, AdjacentParcelIds = ["Z9"] }));

        Assert.Equal(LandOutcome.Deny, decision.Outcome);
        Assert.Contains("Parcel C shares no boundary", Rule(decision, "land_merge_adjacent").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("集体", "出让", "land_merge_same_ownership")]
    [InlineData("国有", "划拨", "land_merge_same_use_right")]
    public void CheckLandTransfer_MergeDifferentOwnershipOrRight_Deny(string ownership, string right, string rule)
    {
        var decision = Check(Merge(
            Land("A") with { AdjacentParcelIds = ["B"], RemainingTermYears = 30m },
            Land("B") with { RemainingTermYears = 30m, OwnershipType = ownership, UseRight = right }));

        Assert.Equal(RuleStatus.Failed, Rule(decision, rule).Status);
        Assert.Equal(LandOutcome.Deny, decision.Outcome);
    }

    [Fact]
    public void CheckLandTransfer_StandardLandParcel_ListsOriginalIndicatorsAsObligations()
    {
        var parcel = Land() with
        {
            StandardLand = true,
            StandardLandIndicators = [new("亩均税收", 30m, "万元/亩"), new("固定资产投资强度", 400m, "万元/亩")],
        };

        var decision = Check(Whole(parcel));

        Assert.Equal(LandOutcome.Allow, decision.Outcome);
        Assert.Equal(["亩均税收", "固定资产投资强度"], decision.Obligations.Select(o => o.Indicator.Name));
        Assert.Equal("Parcel P1 was sold as 标准地: the receiver must meet its original indicator 亩均税收 30 万元/亩.", decision.Obligations[0].Text);
        Assert.Equal(RuleStatus.Passed, Rule(decision, "land_standard_land").Status);
    }

    [Fact]
    public void CheckLandTransfer_NoRatingAndAFailedRule_DenyWins()
    {
        Assert.Equal(LandOutcome.Deny, Check(Split(Land(), 9m, 21m), receiver: null).Outcome);
    }

    [Fact]
    public void Validate_MalformedRequest_EveryProblemNamed()
    {
        var request = Split(Land(area: 0m), 15m, 14m) with { ReceiverCreditCode = "X", Region = "33" };

        var fields = request.Validate().Select(p => p.Field).ToArray();

        Assert.Equal(["region", "receiver_credit_code", "parcels[0].area_mu"], fields);
        Assert.Throws<ArgumentException>(() => PolicyEngine.CheckLandTransfer(request, Rules, null, false));
    }

    [Theory]
    [InlineData("15", "14.99", "add up to 29.99 mu")]
    [InlineData("30", null, "at least two parcels")]
    public void Validate_SplitAreas_MustAddUpAndBeSeveral(string first, string? second, string message)
    {
        decimal[] areas = second is null
            ? [decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture)]
            : [decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(second, System.Globalization.CultureInfo.InvariantCulture)];

        Assert.Contains(Split(Land(), areas).Validate(), p => p.Field == "split.resulting_areas_mu" && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MergeTermsInMixedForms_Problem()
    {
        var request = Merge(Land("A") with { RemainingTermYears = 30m }, Land("B") with { TermEndDate = new DateOnly(2050, 1, 1) });

        Assert.Contains(request.Validate(), p => p.Field == "parcels" && p.Message.Contains("same form", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckLandTransfer_RulesNotInForceOnTheDate_Throws()
    {
        var late = Whole(Land()) with { TransferDate = new DateOnly(2024, 1, 1) };

        Assert.Throws<ArgumentException>(() => PolicyEngine.CheckLandTransfer(late, Rules, null, false));
    }
}
