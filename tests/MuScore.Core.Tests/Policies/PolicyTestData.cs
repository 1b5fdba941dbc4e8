using MuScore.Core.Policies;
using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Policies;

/// <summary>Enterprises, ratings and small policy files for the policy tests.</summary>
internal static class PolicyTestData
{
    public const string Linhai = "331082";
    public const string Jinan = "370102";
    public const string Qingdao = "370202";
    public const string Haining = "330481";
    public const string Suzhou = "320505";

    /// <summary>Every preset in one set.</summary>
    public static PolicySet Presets => PolicyPresets.All;

    /// <summary>A valid credit code of <paramref name="region"/>.</summary>
    public static string Code(int serial, string region = Linhai) => CreditCodes.Make(serial, region);

    /// <summary>A published rating; published on 1 April of the year after by default.</summary>
    public static RatingFact Rated(string code, string region, int year, RatingClass rating, int consecutiveD = 0, int version = 1, DateTimeOffset? publishedAt = null) =>
        new(code, region, year, rating, rating == RatingClass.D ? Math.Max(1, consecutiveD) : 0, $"run-{year}-{version}", version,
            publishedAt ?? new DateTimeOffset(year + 1, 4, 1, 9, 0, 0, RatingInForce.ChinaStandardTime));

    /// <summary>Parses <paramref name="json"/>, failing the test with its errors when invalid.</summary>
    public static Policy Parse(string json)
    {
        var result = PolicyJson.Parse(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Policy!;
    }

    /// <summary>A set of the given policies, failing the test when they conflict.</summary>
    public static PolicySet Set(params Policy[] policies)
    {
        var result = PolicySet.Create(policies);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Set!;
    }

    /// <summary>
    /// A county policy with a water surcharge table and a land-use tax relief table — formats with
    /// no preset (docs/method.md §8: "configurable; no published figures were found").
    /// </summary>
    public const string WaterAndRelief = """
        {
          "id": "test-water",
          "version": "2024.1",
          "title": "Test county water and land-use tax",
          "source": "测试县〔2024〕1号",
          "regions": ["331082"],
          "tariffs": [
            {
              "clause": "(一)",
              "effective_from": "2024-01-01",
              "effective_to": null,
              "utility": "WATER",
              "surcharges": [
                { "class": "C", "yuan_per_unit": 0.5 },
                { "class": "D", "min_consecutive_d_years": 1, "yuan_per_unit": 1.5 },
                { "class": "D", "min_consecutive_d_years": 2, "yuan_per_unit": 2 }
              ]
            }
          ],
          "tax_reliefs": [
            {
              "clause": "(二)",
              "effective_from": "2024-01-01",
              "effective_to": "2025-01-01",
              "reliefs": [ { "class": "A", "percent": 100 }, { "class": "B", "percent": 50 } ]
            }
          ]
        }
        """;

    /// <summary>A Jinan district policy whose flat D surcharge competes with shandong-2022's steps.</summary>
    public const string JinanFlat = """
        {
          "id": "test-jinan",
          "version": "1",
          "title": "Test district flat surcharge",
          "source": "测试区〔2023〕2号",
          "regions": ["370102"],
          "tariffs": [
            {
              "clause": "(三)",
              "effective_from": "2023-01-01",
              "effective_to": null,
              "utility": "ELECTRICITY",
              "surcharges": [ { "class": "D", "min_consecutive_d_years": 1, "yuan_per_unit": 0.08 } ]
            }
          ]
        }
        """;
}
