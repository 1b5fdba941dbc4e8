using System.Globalization;
using MuScore.Core.Schemes;
using static MuScore.Core.Tests.Schemes.SchemeJsonTestData;

namespace MuScore.Core.Tests.Schemes;

public class SchemeJsonCanonicalTests
{
    private const string Minimal = """
        {"title": "T 测试", "version": "v1", "id": "m",
         "pools": [{"indicators": [{"weight": 0.1, "indicator": "tax_per_kwh", "benchmark": {"value": 2.50, "kind": "fixed"}}], "id": "P", "min_land_mu": 3.0}]}
        """;

    [Fact]
    public void ToCanonicalJson_MinimalFile_WritesFixedOrderAndEveryDefault()
    {
        var canonical = SchemeJson.ToCanonicalJson(SchemeJson.Parse(Minimal).Scheme!);

        Assert.Equal(
            """
            {
              "id": "m",
              "version": "v1",
              "title": "T 测试",
              "description": null,
              "method": "ratio",
              "cap": 3,
              "floor": 0,
              "exclusions": {
                "utility_divisions": [
                  44,
                  45,
                  46
                ],
                "min_years_in_production": 1,
                "below_scale_min_land_mu": 3
              },
              "pools": [
                {
                  "id": "P",
                  "title": null,
                  "scale": null,
                  "min_land_mu": 3,
                  "max_land_mu": null,
                  "divisions": null,
                  "indicators": [
                    {
                      "indicator": "tax_per_kwh",
                      "weight": 0.1,
                      "benchmark": {
                        "kind": "fixed",
                        "value": 2.5
                      }
                    }
                  ]
                }
              ],
              "classification": {
                "mode": "quota",
                "quota_a": 20,
                "quota_b": 40,
                "quota_d": 5,
                "threshold_a": null,
                "threshold_b": null,
                "threshold_c": null
              },
              "overrides": {
                "veto": true,
                "investment_a_min": 10000,
                "protection_min": 3000
              }
            }

            """.ReplaceLineEndings("\n"),
            canonical);
    }

    [Theory]
    [InlineData("zj-standard")]
    [InlineData("linhai-2014")]
    [InlineData("huaian-2024")]
    public void ToCanonicalJson_ParsedBack_GivesTheSameScheme(string preset)
    {
        var scheme = SchemePresets.Get(preset);
        var canonical = SchemeJson.ToCanonicalJson(scheme);

        var reparsed = SchemeJson.Parse(canonical);

        Assert.True(reparsed.IsValid, string.Join("; ", reparsed.Errors));
        Assert.Equal(canonical, SchemeJson.ToCanonicalJson(reparsed.Scheme!));
        Assert.Equal(scheme with { Exclusions = reparsed.Scheme!.Exclusions, Pools = reparsed.Scheme.Pools }, reparsed.Scheme);
    }

    [Fact]
    public void ToCanonicalJson_UnderCommaDecimalCulture_IsUnchanged()
    {
        var json = With(Valid, "pools[0].indicators[0].weight", "12.75");
        var expected = SchemeJson.ToCanonicalJson(SchemeJson.Parse(json).Scheme!);
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal(expected, SchemeJson.ToCanonicalJson(SchemeJson.Parse(json).Scheme!));
            Assert.Contains("\"weight\": 12.75,", expected, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Hash_IsLowerCaseHexSha256OfCanonicalJson()
    {
        var scheme = SchemeJson.Parse(Valid).Scheme!;
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SchemeJson.ToCanonicalJson(scheme))));

        Assert.Equal(expected, SchemeJson.Hash(scheme));
        Assert.Matches("^[0-9a-f]{64}$", SchemeJson.Hash(scheme));
    }

    [Fact]
    public void Hash_WhitespaceKeyOrderAndWrittenDefaults_DoNotChangeIt()
    {
        const string Reordered = """
            {"pools":[{"indicators":[{"benchmark":{"kind":"pool_aggregate","factor":1.0},"weight":60.0,"indicator":"tax_per_mu"},
            {"weight":40,"benchmark":{"value":1e2,"kind":"fixed"},"indicator":"va_per_mu"}],"scale":"ABOVE","id":"ABOVE"},
            {"divisions":[18,17],"max_land_mu":3.00,"min_land_mu":1,"id":"SMALL","title":null,
            "indicators":[{"indicator":"tax_per_mu","benchmark":{"kind":"fixed","value":15},"weight":100}]}],
            "title":"Test scheme","version":"1","id":"test-scheme","cap":3,"exclusions":{"utility_divisions":[46,45,44]},
            "overrides":{"protection_min":3000.0,"veto":true}}
            """;

        Assert.Equal(SchemeJson.Hash(SchemeJson.Parse(Valid).Scheme!), SchemeJson.Hash(SchemeJson.Parse(Reordered).Scheme!));
    }

    [Theory]
    [InlineData("pools[0].indicators[0].weight", "60.000001")]
    [InlineData("pools[0].indicators[1].benchmark.value", "101")]
    [InlineData("pools[0].indicators[0].benchmark.factor", "2")]
    [InlineData("pools[1].max_land_mu", "3.5")]
    [InlineData("pools[1].divisions", "[17, 18, 19]")]
    [InlineData("cap", "2")]
    [InlineData("version", "\"2\"")]
    [InlineData("description", "\"changed\"")]
    [InlineData("exclusions", "{\"below_scale_min_land_mu\": null}")]
    [InlineData("classification", "{\"quota_d\": 8}")]
    [InlineData("overrides", "{\"veto\": false}")]
    public void Hash_AnyRuleChange_ChangesIt(string path, string valueJson)
    {
        var original = SchemeJson.Hash(SchemeJson.Parse(Valid).Scheme!);

        var changed = SchemeJson.Parse(With(Valid, path, valueJson));

        Assert.True(changed.IsValid, string.Join("; ", changed.Errors));
        Assert.NotEqual(original, SchemeJson.Hash(changed.Scheme!));
    }

    [Fact]
    public void Hash_IndicatorOrderChange_ChangesIt()
    {
        // Totals add items in scheme order, so the order is part of the rules.
        var swapped = With(
            Valid,
            "pools[0].indicators",
            """
            [
              { "indicator": "va_per_mu", "weight": 40, "benchmark": { "kind": "fixed", "value": 100 } },
              { "indicator": "tax_per_mu", "weight": 60, "benchmark": { "kind": "pool_aggregate" } }
            ]
            """);

        Assert.NotEqual(SchemeJson.Hash(SchemeJson.Parse(Valid).Scheme!), SchemeJson.Hash(SchemeJson.Parse(swapped).Scheme!));
    }
}
