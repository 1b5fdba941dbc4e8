using MuScore.Core.Policies;
using static MuScore.Core.Tests.Policies.PolicyTestData;
using static MuScore.Core.Tests.Schemes.SchemeJsonTestData;

namespace MuScore.Core.Tests.Policies;

public class PolicySetTests
{
    [Fact]
    public void Create_DuplicateId_Rejected()
    {
        var policy = PolicyPresets.Get("qingdao");

        var result = PolicySet.Create([policy, policy]);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message == "policy id 'qingdao' appears more than once");
    }

    [Fact]
    public void Create_SameRegionSameKindOverlapping_RejectedAsAmbiguous()
    {
        var copy = Parse(With(PolicyPresets.GetJson("linhai-2022"), "id", "\"linhai-copy\""));

        var result = PolicySet.Create([PolicyPresets.Get("linhai-2022"), copy]);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == "linhai-copy" && e.Message.StartsWith("land_transfer 2022-07-16 to 2024-01-01 (exclusive) overlaps", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.StartsWith("subsidies (equipment_renovation)", StringComparison.Ordinal));
    }

    [Fact]
    public void LandRulesInForce_CountyAndProvincePolicies_CountyWins()
    {
        var province = Parse(With(With(PolicyPresets.GetJson("linhai-2022"), "id", "\"zj-province\""), "regions", "[\"33\"]"));
        var set = Set(PolicyPresets.Get("linhai-2022"), province);

        Assert.Equal("linhai-2022", set.LandRulesInForce(Linhai, new DateOnly(2023, 1, 1))!.Policy.Id);
        Assert.Equal("zj-province", set.LandRulesInForce(Haining, new DateOnly(2023, 1, 1))!.Policy.Id);
    }

    [Theory]
    [InlineData("2022-07-15", false)]
    [InlineData("2022-07-16", true)]
    [InlineData("2023-12-31", true)]
    [InlineData("2024-01-01", false)]
    public void LandRulesInForce_Linhai2022EffectiveDates_From20220716To20231231(string date, bool inForce)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(inForce, Presets.LandRulesInForce(Linhai, day) is not null);
        Assert.Equal(inForce ? 4 : 0, Presets.SubsidyRulesInForce(Linhai, day).Rules.Count);
    }

    [Theory]
    [InlineData(2022, true)]
    [InlineData(2023, true)]
    [InlineData(2024, false)]
    public void ListRulesInForce_Year_RulesInForceOnItsLastDay(int year, bool inForce)
    {
        Assert.Equal(inForce, Presets.ListRulesInForce(Linhai, year) is not null);
    }

    [Fact]
    public void TariffsInForce_RegionNotSixDigits_Throws()
    {
        Assert.Throws<ArgumentException>(() => Presets.TariffsInForce("3310", Utility.Electricity, new DateOnly(2024, 1, 1)));
    }
}
