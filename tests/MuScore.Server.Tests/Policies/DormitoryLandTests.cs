using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using static MuScore.Server.Tests.Policies.LinhaiSubsidies;

namespace MuScore.Server.Tests.Policies;

/// <summary>Clause (十四): office and living land from 7% to 15% of the parcel (floor area to 30%), through AssessSubsidy.</summary>
public sealed class DormitoryLandTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Clause = Source + " (十四)";

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Theory]
    [InlineData(RatingClass.A, "50", "7.5")]
    [InlineData(RatingClass.B, "50", "7.5")]
    [InlineData(RatingClass.A, "50.01", "7.5015")]
    [InlineData(RatingClass.B, "60", "9")]
    public async Task AssessSubsidy_OutsideParkFiftyMuOrMore_EligibleForFifteenPercentLandAndThirtyPercentFloor(RatingClass rating, string land, string landMax)
    {
        var (run, publication) = await PublishSampleAsync(fixture);
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, rating);

        var assessment = await Client.AssessSubsidyAsync(Outside(code, land));

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal("dormitory_land", assessment.Kind);
        Assert.False(assessment.HasAmountYuan);
        Assert.False(assessment.HasCapYuan);
        Assert.Equal(
            ["office_living_land_percent_max", "office_living_land_mu_max", "office_living_floor_percent_max", "office_living_floor_m2_max", "raised_part_for_dormitories"],
            assessment.Entitlements.Select(e => e.Code));
        var percent = Entitled(assessment, "office_living_land_percent_max");
        Assert.Equal("15", percent.Value);
        Assert.Equal("%", percent.Unit);
        Assert.Contains("(from 7%)", percent.Description, StringComparison.Ordinal);
        Assert.Equal(landMax, Entitled(assessment, "office_living_land_mu_max").Value);
        Assert.Equal("亩", Entitled(assessment, "office_living_land_mu_max").Unit);
        Assert.Equal("30", Entitled(assessment, "office_living_floor_percent_max").Value);
        Assert.Equal("12000", Entitled(assessment, "office_living_floor_m2_max").Value);
        Assert.False(Entitled(assessment, "raised_part_for_dormitories").HasValue);
        Assert.Equal(
            ["dormitory_district", "dormitory_project", "dormitory_leading", "dormitory_area", "dormitory_class"],
            assessment.Rules.Select(r => r.RuleId));
        Assert.All(assessment.Rules, r => Assert.Equal(RuleOutcome.Passed, r.Outcome));
        Assert.All(assessment.Rules, r => Assert.Equal(Clause, r.Clause));
        NamesPublication(assessment.Rating, run, publication, rating);
        NamesLinhaiPolicy(assessment.Policy);
    }

    [Theory]
    [InlineData("49.99")]
    [InlineData("49.9999")]
    public async Task AssessSubsidy_OutsideParkJustUnderFiftyMu_NotEligibleWithAreaFailed(string land)
    {
        await PublishSampleAsync(fixture);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);

        var assessment = await Client.AssessSubsidyAsync(Outside(a, land));

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Empty(assessment.Entitlements);
        var area = Rule(assessment, "dormitory_area");
        Assert.Equal(RuleOutcome.Failed, area.Outcome);
        Assert.Contains($"The project has {land} mu; outside a park it needs at least 50 mu", area.Sentence, StringComparison.Ordinal);
        Assert.Equal(["dormitory_area"], assessment.Rules.Where(r => r.Outcome == RuleOutcome.Failed).Select(r => r.RuleId));
        Assert.Equal($"NOT_ELIGIBLE under {Clause}: dormitory_area failed.", assessment.Summary);
    }

    [Theory]
    [InlineData(RatingClass.C)]
    [InlineData(RatingClass.D)]
    public async Task AssessSubsidy_OutsideParkClassCOrD_NotEligibleWithClassFailed(RatingClass rating)
    {
        await PublishSampleAsync(fixture);
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, rating);

        var assessment = await Client.AssessSubsidyAsync(Outside(code, "80"));

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Empty(assessment.Entitlements);
        var rule = Rule(assessment, "dormitory_class");
        Assert.Equal(RuleOutcome.Failed, rule.Outcome);
        Assert.Contains("only class A or B qualifies", rule.Sentence, StringComparison.Ordinal);
        Assert.Equal(rating, assessment.Rating.RatingClass);
    }

    [Fact]
    public async Task AssessSubsidy_OutsideParkNoRating_ReviewWithEntitlementsPending()
    {
        await PublishSampleAsync(fixture);

        var assessment = await Client.AssessSubsidyAsync(Outside(Records.Code(999, PolicyRuns.Linhai), "80"));

        Assert.Equal(SubsidyOutcome.Review, assessment.Outcome);
        Assert.Null(assessment.Rating);
        Assert.Equal(RuleOutcome.Review, Rule(assessment, "dormitory_class").Outcome);
        Assert.Equal("12", Entitled(assessment, "office_living_land_mu_max").Value);
        Assert.Equal($"REVIEW: 5 entitlements under {Clause} if dormitory_class is confirmed.", assessment.Summary);
    }

    [Theory]
    [InlineData(RatingClass.C, true)]
    [InlineData(RatingClass.D, false)]
    public async Task AssessSubsidy_InsidePark_AnySizeAnyClassEligible(RatingClass rating, bool existing)
    {
        await PublishSampleAsync(fixture);
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, rating);
        var request = Outside(code, "3");
        request.DormitoryLand.InsidePark = true;
        request.DormitoryLand.ExistingProject = existing;
        request.DormitoryLand.LeadingEnterprise = false;
        request.DormitoryLand.ClearProjectFloorAreaM2();

        var assessment = await Client.AssessSubsidyAsync(request);

        Assert.Equal(SubsidyOutcome.Eligible, assessment.Outcome);
        Assert.Equal(RuleOutcome.NotApplicable, Rule(assessment, "dormitory_class").Outcome);
        Assert.Equal(RuleOutcome.NotApplicable, Rule(assessment, "dormitory_area").Outcome);
        Assert.Equal(RuleOutcome.NotApplicable, Rule(assessment, "dormitory_leading").Outcome);
        Assert.Equal("0.45", Entitled(assessment, "office_living_land_mu_max").Value);
        Assert.DoesNotContain(assessment.Entitlements, e => e.Code == "office_living_floor_m2_max");
    }

    [Fact]
    public async Task AssessSubsidy_OutsideParkNotInARentalHousingDistrict_NotEligible()
    {
        await PublishSampleAsync(fixture);
        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, PolicyRuns.Linhai, 2022, RatingClass.A);
        var request = Outside(a, "80");
        request.DormitoryLand.InRentalHousingPriorityDistrict = false;

        var assessment = await Client.AssessSubsidyAsync(request);

        Assert.Equal(SubsidyOutcome.NotEligible, assessment.Outcome);
        Assert.Equal(["dormitory_district"], assessment.Rules.Where(r => r.Outcome == RuleOutcome.Failed).Select(r => r.RuleId));
    }

    /// <summary>An existing project of a leading enterprise outside a park, in a rental-housing district, 40,000 m² of floor area.</summary>
    private static AssessSubsidyRequest Outside(string code, string land)
    {
        var request = Request(code);
        request.DormitoryLand = new DormitoryLand
        {
            InRentalHousingPriorityDistrict = true,
            InsidePark = false,
            ExistingProject = true,
            LeadingEnterprise = true,
            ProjectLandMu = land,
            ProjectFloorAreaM2 = "40000",
        };
        return request;
    }
}
