using MuScore.Core.Policies;
using static MuScore.Core.Tests.Policies.PolicyTestData;
using static MuScore.Core.Tests.Schemes.SchemeJsonTestData;

namespace MuScore.Core.Tests.Policies;

public class PolicyJsonTests
{
    private static readonly string Linhai2022 = PolicyPresets.GetJson("linhai-2022");

    [Theory]
    [InlineData("id", Remove, "id", "id is required")]
    [InlineData("id", "\"Linhai\"", "id", "must match")]
    [InlineData("source", "\" \"", "source", "source must not be empty")]
    [InlineData("regions", "[]", "regions", "at least one region")]
    [InlineData("regions", "[\"3310\", \"3310\"]", "regions[1]", "listed twice")]
    [InlineData("regions", "[\"33108\"]", "regions[0]", "2, 4 or 6 digits")]
    [InlineData("colour", "1", "colour", "unknown property 'colour'")]
    [InlineData("land_transfer[0].effective_from", "\"2022/07/16\"", "land_transfer[0].effective_from", "must be a date written yyyy-MM-dd")]
    [InlineData("land_transfer[0].effective_to", "\"2022-07-16\"", "land_transfer[0].effective_to", "must be after effective_from")]
    [InlineData("land_transfer[0].effective_from", Remove, "land_transfer[0].effective_from", "effective_from is required")]
    [InlineData("land_transfer[0].clause", Remove, "land_transfer[0].clause", "clause is required")]
    [InlineData("land_transfer[0].max_split_parcels", "1", "land_transfer[0].max_split_parcels", "at least 2")]
    [InlineData("land_transfer[0].min_split_parcel_mu", "0", "land_transfer[0].min_split_parcel_mu", "greater than 0")]
    [InlineData("land_transfer[0].min_split_parcel_mu", Remove, "land_transfer[0].min_split_parcel_mu", "is required")]
    [InlineData("land_transfer[0].denied_receiver_classes", "[\"C\", \"E\"]", "land_transfer[0].denied_receiver_classes[1]", "one of \"A\", \"B\", \"C\", \"D\"")]
    [InlineData("land_transfer[0].denied_receiver_classes", "[\"C\", \"C\"]", "land_transfer[0].denied_receiver_classes[1]", "listed twice")]
    [InlineData("subsidies[0].kind", "\"loan\"", "subsidies[0].kind", "kind must be one of")]
    [InlineData("subsidies[0].cap_wan", "100", "subsidies[0].cap_wan", "does not belong to kind \"quota_transfer\"")]
    [InlineData("subsidies[1].major_rate_percent", "101", "subsidies[1].major_rate_percent", "at most 100")]
    [InlineData("subsidies[1].cultivated_cap_wan", Remove, "subsidies[1].cultivated_cap_wan", "required (null when not set)")]
    [InlineData("subsidies[2].floor_rates[1].from_floor", "4", "subsidies[2].floor_rates", "4 appears more than once")]
    [InlineData("subsidies[2].floor_rates[0].from_floor", "0", "subsidies[2].floor_rates[0].from_floor", "between 1 and 200")]
    [InlineData("subsidies[2].class_rates", "[]", "subsidies[2].class_rates", "at least one entry")]
    [InlineData("subsidies[3].raised_land_percent", "5", "subsidies[3].raised_land_percent", "must not be below base_land_percent")]
    [InlineData("subsidies[3].inside_park_classes", Remove, "subsidies[3].inside_park_classes", "null when any class qualifies")]
    [InlineData("subsidies[0].quotas", "[\"land\", \"\"]", "subsidies[0].quotas[1]", "non-empty string")]
    [InlineData("efficiency_lists[0].target_year", "null", "efficiency_lists[0].target_year", "must be set when a target is")]
    [InlineData("efficiency_lists[0].low_max_tax_per_mu_wan", "-1", "efficiency_lists[0].low_max_tax_per_mu_wan", "at least 0")]
    public void Parse_BrokenRule_ErrorNamesTheJsonPath(string path, string value, string errorPath, string message)
    {
        var json = With(Linhai2022, path, value);

        var result = PolicyJson.Parse(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Policy);
        Assert.Contains(result.Errors, e => e.Path.StartsWith(errorPath, StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tariffs[0].surcharges[0].min_consecutive_d_years", "1", "tariffs[0].surcharges[0].min_consecutive_d_years", "must be 0 for class C")]
    [InlineData("tariffs[0].surcharges[1].yuan_per_unit", "0", "tariffs[0].surcharges[1].yuan_per_unit", "greater than 0")]
    [InlineData("tariffs[0].surcharges[1].yuan_per_unit", "1e13", "tariffs[0].surcharges[1].yuan_per_unit", "at most 1000000000000")]
    [InlineData("tariffs[0].surcharges[2].min_consecutive_d_years", "1", "tariffs[0].surcharges", "two entries have class D and min_consecutive_d_years 1")]
    [InlineData("tariffs[0].utility", "\"STEAM\"", "tariffs[0].utility", "utility must be one of \"ELECTRICITY\", \"WATER\", \"GAS\"")]
    [InlineData("tariffs[0].surcharges", "[]", "tariffs[0].surcharges", "at least one entry")]
    [InlineData("tax_reliefs[0].reliefs[0].percent", "100.5", "tax_reliefs[0].reliefs[0].percent", "at most 100")]
    public void Parse_BrokenTariffRule_ErrorNamesTheJsonPath(string path, string value, string errorPath, string message)
    {
        var result = PolicyJson.Parse(With(WaterAndRelief, path, value));

        Assert.Contains(result.Errors, e => e.Path == errorPath && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MalformedJson_OneErrorWithLine()
    {
        var result = PolicyJson.Parse("{\n  \"id\": \"x\",,\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("malformed JSON at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RootNotAnObject_Error()
    {
        Assert.Equal("$: the policy must be an object", Assert.Single(PolicyJson.Parse("[]").Errors).ToString());
    }

    [Fact]
    public void Parse_TwoSubsidiesOfOneKindInForceTogether_Rejected()
    {
        var quota = System.Text.Json.Nodes.JsonNode.Parse(Linhai2022)!["subsidies"]![0]!.ToJsonString();

        var error = Assert.Single(PolicyJson.Parse(With(Linhai2022, "subsidies[1]", quota)).Errors);

        Assert.Equal("subsidies[1]", error.Path);
        Assert.Contains("overlaps subsidies[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverlappingTariffPeriods_Rejected()
    {
        var json = With(PolicyPresets.GetJson("suzhou-2018"), "tariffs[1].effective_from", "\"2019-06-01\"");

        var error = Assert.Single(PolicyJson.Parse(json).Errors);

        Assert.Equal("tariffs[1]", error.Path);
        Assert.Contains("overlaps tariffs[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCanonicalJson_Preset_RoundTripsToTheSameText()
    {
        foreach (var name in PolicyPresets.Names)
        {
            var canonical = PolicyJson.ToCanonicalJson(PolicyPresets.Get(name));

            Assert.Equal(canonical, PolicyJson.ToCanonicalJson(Parse(canonical)));
            Assert.EndsWith("}\n", canonical, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hash_LayoutCommentsTrailingZerosAndSetOrder_DoNotChangeIt()
    {
        var original = Parse(With(WaterAndRelief, "regions", "[\"331082\", \"3310\"]"));
        var relaid = Parse(With(With(WaterAndRelief, "tariffs[0].surcharges[0].yuan_per_unit", "0.50"), "regions", "[\"3310\", \"331082\"]")
            .Replace(",", ",\n  // comment\n", StringComparison.Ordinal));

        Assert.Equal(PolicyJson.Hash(original), PolicyJson.Hash(relaid));
        Assert.Matches("^[0-9a-f]{64}$", PolicyJson.Hash(original));
    }

    [Fact]
    public void Hash_AnyFigureChange_ChangesIt()
    {
        var original = Parse(WaterAndRelief);
        var changed = Parse(With(WaterAndRelief, "tariffs[0].surcharges[0].yuan_per_unit", "0.51"));
        var redated = Parse(With(WaterAndRelief, "tax_reliefs[0].effective_to", "\"2025-01-02\""));

        Assert.NotEqual(PolicyJson.Hash(original), PolicyJson.Hash(changed));
        Assert.NotEqual(PolicyJson.Hash(original), PolicyJson.Hash(redated));
    }

    [Fact]
    public void Parse_WaterAndReliefTables_ExpressedWithoutPresets()
    {
        var policy = Parse(WaterAndRelief);

        var water = Assert.Single(policy.Tariffs);
        Assert.Equal(Utility.Water, water.Utility);
        Assert.Equal([0.5m, 1.5m, 2m], water.Surcharges.Select(s => s.Value));
        Assert.Equal([100m, 50m], Assert.Single(policy.TaxReliefs).Reliefs.Select(r => r.Value));
        Assert.Equal(new EffectivePeriod(new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)), policy.TaxReliefs[0].Period);
    }
}
