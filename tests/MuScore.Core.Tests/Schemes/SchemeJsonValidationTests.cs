using MuScore.Core.Schemes;
using static MuScore.Core.Tests.Schemes.SchemeJsonTestData;

namespace MuScore.Core.Tests.Schemes;

public class SchemeJsonValidationTests
{
    [Fact]
    public void Parse_ValidFile_GivesSchemeWithoutErrors()
    {
        var result = SchemeJson.Parse(Valid);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal("test-scheme", result.Scheme!.Id);
    }

    [Theory]
    [InlineData("id", Remove, "id", "id is required")]
    [InlineData("id", "\" \"", "id", "id must not be empty")]
    [InlineData("id", "\"Zj-Standard\"", "id", "id 'Zj-Standard' must match")]
    [InlineData("id", "\"-zj\"", "id", "must match")]
    [InlineData("id", "\"zj\\n\"", "id", "must match")]
    [InlineData("id", "\"a1234567890123456789012345678901234567890123456789012345678901234\"", "id", "must match")]
    [InlineData("id", "7", "id", "id must be a string")]
    [InlineData("version", "\"\"", "version", "version must not be empty")]
    [InlineData("title", Remove, "title", "title is required")]
    [InlineData("method", "\"minmax\"", "method", "method must be one of \"ratio\", \"min_max\"")]
    [InlineData("cap", "0", "cap", "cap must be greater than 0")]
    [InlineData("cap", "-1", "cap", "cap must be greater than 0")]
    [InlineData("cap", "\"3\"", "cap", "cap must be a number")]
    [InlineData("cap", "1e400", "cap", "cap must be a finite number")]
    [InlineData("floor", "-0.5", "floor", "floor must not be negative")]
    [InlineData("floor", "3", "floor", "floor must be less than cap")]
    [InlineData("exclusions", "[]", "exclusions", "exclusions must be an object")]
    [InlineData("exclusions", "{\"utility_divisions\": [44, 44]}", "exclusions.utility_divisions[1]", "division 44 is listed twice")]
    [InlineData("exclusions", "{\"utility_divisions\": [100]}", "exclusions.utility_divisions[0]", "between 1 and 99")]
    [InlineData("exclusions", "{\"utility_divisions\": [0]}", "exclusions.utility_divisions[0]", "between 1 and 99")]
    [InlineData("exclusions", "{\"utility_divisions\": [44.5]}", "exclusions.utility_divisions[0]", "must be an integer")]
    [InlineData("exclusions", "{\"utility_divisions\": null}", "exclusions.utility_divisions", "utility_divisions must be an array")]
    [InlineData("exclusions", "{\"min_years_in_production\": 11}", "exclusions.min_years_in_production", "between 0 and 10")]
    [InlineData("exclusions", "{\"min_years_in_production\": -1}", "exclusions.min_years_in_production", "between 0 and 10")]
    [InlineData("exclusions", "{\"min_years_in_production\": 1.5}", "exclusions.min_years_in_production", "must be an integer")]
    [InlineData("exclusions", "{\"below_scale_min_land_mu\": 0}", "exclusions.below_scale_min_land_mu", "must be greater than 0")]
    [InlineData("pools", Remove, "pools", "pools is required")]
    [InlineData("pools", "[]", "pools", "at least one pool")]
    [InlineData("pools", "{}", "pools", "pools must be an array")]
    [InlineData("pools[1]", "7", "pools[1]", "pools[1] must be an object")]
    [InlineData("pools[1].id", "\"ABOVE\"", "pools[1].id", "id 'ABOVE' is already used by pools[0]")]
    [InlineData("pools[1].id", "\"\"", "pools[1].id", "id must not be empty")]
    [InlineData("pools[1].id", Remove, "pools[1].id", "id is required")]
    [InlineData("pools[0].scale", "\"above\"", "pools[0].scale", "scale must be one of \"ABOVE\", \"BELOW\"")]
    [InlineData("pools[1].min_land_mu", "3", "pools[1].max_land_mu", "max_land_mu must be greater than min_land_mu (3)")]
    [InlineData("pools[1].min_land_mu", "-1", "pools[1].min_land_mu", "min_land_mu must not be negative")]
    [InlineData("pools[1].max_land_mu", "\"3\"", "pools[1].max_land_mu", "max_land_mu must be a number")]
    [InlineData("pools[1].divisions", "[17, 170]", "pools[1].divisions[1]", "division 170 must be a 2-digit GB/T 4754 division")]
    [InlineData("pools[1].divisions", "[18, 17, 18]", "pools[1].divisions[2]", "division 18 is listed twice")]
    [InlineData("pools[1].divisions", "[]", "pools[1].divisions", "divisions must not be empty")]
    [InlineData("pools[0].indicators", Remove, "pools[0].indicators", "indicators is required")]
    [InlineData("pools[0].indicators", "[]", "pools[0].indicators", "at least one indicator")]
    [InlineData("pools[0].indicators[1].indicator", "\"tax_per_mu\"", "pools[0].indicators[1].indicator", "indicator 'tax_per_mu' appears twice in this pool (first at indicators[0])")]
    [InlineData("pools[0].indicators[0].indicator", "\"tax_per_muu\"", "pools[0].indicators[0].indicator", "unknown indicator 'tax_per_muu'; known: tax_per_mu, va_per_mu, revenue_per_mu")]
    [InlineData("pools[0].indicators[0].weight", "0", "pools[0].indicators[0].weight", "weight must be greater than 0")]
    [InlineData("pools[0].indicators[0].weight", "-5", "pools[0].indicators[0].weight", "weight must be greater than 0")]
    [InlineData("pools[0].indicators[0].weight", Remove, "pools[0].indicators[0].weight", "weight is required")]
    [InlineData("pools[0].indicators[0].weight", "null", "pools[0].indicators[0].weight", "weight must be a number")]
    [InlineData("pools[0].indicators[0].benchmark", Remove, "pools[0].indicators[0].benchmark", "benchmark is required when method is \"ratio\"")]
    [InlineData("pools[0].indicators[0].benchmark.kind", "\"mean\"", "pools[0].indicators[0].benchmark.kind", "kind must be one of \"fixed\", \"pool_aggregate\"")]
    [InlineData("pools[0].indicators[0].benchmark.factor", "0", "pools[0].indicators[0].benchmark.factor", "factor must be greater than 0")]
    [InlineData("pools[0].indicators[0].benchmark.value", "3", "pools[0].indicators[0].benchmark.value", "value is not used by kind \"pool_aggregate\"")]
    [InlineData("pools[0].indicators[1].benchmark.value", "0", "pools[0].indicators[1].benchmark.value", "value must be greater than 0")]
    [InlineData("pools[0].indicators[1].benchmark.value", Remove, "pools[0].indicators[1].benchmark.value", "value is required")]
    [InlineData("pools[0].indicators[1].benchmark.factor", "2", "pools[0].indicators[1].benchmark.factor", "factor is not used by kind \"fixed\"")]
    [InlineData("classification", "{\"mode\": \"ranked\"}", "classification.mode", "mode must be one of \"quota\", \"threshold\"")]
    [InlineData("classification", "{\"quota_a\": -1}", "classification.quota_a", "quota_a must not be negative")]
    [InlineData("classification", "{\"quota_a\": 55.5}", "classification", "quota_a + quota_b + quota_d must not exceed 100 (they add up to 100.5)")]
    [InlineData("classification", "{\"mode\": \"threshold\", \"threshold_b\": 80, \"threshold_c\": 60}", "classification.threshold_a", "threshold_a is required when mode is \"threshold\"")]
    [InlineData("classification", "{\"mode\": \"threshold\", \"threshold_a\": 80, \"threshold_b\": 80, \"threshold_c\": 60}", "classification.threshold_b", "threshold_b must be less than threshold_a")]
    [InlineData("classification", "{\"mode\": \"threshold\", \"threshold_a\": 100, \"threshold_b\": 80, \"threshold_c\": 90}", "classification.threshold_c", "threshold_c must be less than threshold_b")]
    [InlineData("overrides", "{\"veto\": \"yes\"}", "overrides.veto", "veto must be true or false")]
    [InlineData("overrides", "{\"investment_a_min\": -1}", "overrides.investment_a_min", "investment_a_min must not be negative")]
    [InlineData("overrides", "{\"protection_min\": -3000}", "overrides.protection_min", "protection_min must not be negative")]
    public void Parse_BrokenRule_GivesOneErrorAtPath(string path, string valueJson, string expectedPath, string expectedMessage)
    {
        var result = SchemeJson.Parse(With(Valid, path, valueJson));

        Assert.False(result.IsValid);
        Assert.Null(result.Scheme);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wieght", "pools[0].indicators[0].wieght", "known: indicator, weight, benchmark")]
    [InlineData("Weight", "pools[0].indicators[0].Weight", "unknown property 'Weight'")]
    public void Parse_UnknownIndicatorProperty_IsAnError(string property, string expectedPath, string expectedMessage)
    {
        var result = SchemeJson.Parse(With(Valid, "pools[0].indicators[0]." + property, "30"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quotas", "quotas")]
    [InlineData("classification.quota_c", "classification.quota_c")]
    [InlineData("exclusions.utility", "exclusions.utility")]
    [InlineData("pools[1].division", "pools[1].division")]
    [InlineData("pools[0].indicators[0].benchmark.values", "pools[0].indicators[0].benchmark.values")]
    public void Parse_UnknownPropertyAnywhere_IsAnErrorAtItsPath(string path, string expectedPath)
    {
        var json = path.StartsWith("classification", StringComparison.Ordinal) ? With(Valid, "classification", "{}")
            : path.StartsWith("exclusions", StringComparison.Ordinal) ? With(Valid, "exclusions", "{}")
            : Valid;

        var result = SchemeJson.Parse(With(json, path, "1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedPath, error.Path);
        Assert.StartsWith("unknown property", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateProperty_IsAnError()
    {
        var json = Valid.Replace("\"title\": \"Test scheme\",", "\"title\": \"Test scheme\", \"title\": \"Other\",", StringComparison.Ordinal);

        var error = Assert.Single(SchemeJson.Parse(json).Errors);

        Assert.Equal("title", error.Path);
        Assert.Equal("title appears more than once", error.Message);
    }

    [Fact]
    public void Parse_SeveralBrokenRules_ListsEveryError()
    {
        var json = With(Valid, "cap", "0");
        json = With(json, "pools[0].indicators[1].weight", "-1");
        json = With(json, "pools[1].divisions", "[17, 200]");
        json = With(json, "classification", "{\"quota_d\": -5, \"colour\": 1}");

        var result = SchemeJson.Parse(json);

        Assert.Null(result.Scheme);
        Assert.Equal(
            ["cap", "pools[0].indicators[1].weight", "pools[1].divisions[1]", "classification.colour", "classification.quota_d"],
            result.Errors.Select(e => e.Path));
    }
}
