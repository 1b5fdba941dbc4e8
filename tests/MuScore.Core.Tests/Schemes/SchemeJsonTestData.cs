using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MuScore.Core.Tests.Schemes;

/// <summary>A small valid scheme file and a way to change one value in it by JSON path.</summary>
internal static partial class SchemeJsonTestData
{
    /// <summary>Value for <see cref="With"/> that removes the property instead of setting it.</summary>
    public const string Remove = "<remove>";

    /// <summary>Two pools, both benchmark kinds, land and division criteria, defaults left out.</summary>
    public const string Valid = """
        {
          "id": "test-scheme",
          "version": "1",
          "title": "Test scheme",
          "pools": [
            {
              "id": "ABOVE",
              "scale": "ABOVE",
              "indicators": [
                { "indicator": "tax_per_mu", "weight": 60, "benchmark": { "kind": "pool_aggregate" } },
                { "indicator": "va_per_mu", "weight": 40, "benchmark": { "kind": "fixed", "value": 100 } }
              ]
            },
            {
              "id": "SMALL",
              "min_land_mu": 1,
              "max_land_mu": 3,
              "divisions": [17, 18],
              "indicators": [
                { "indicator": "tax_per_mu", "weight": 100, "benchmark": { "kind": "fixed", "value": 15 } }
              ]
            }
          ]
        }
        """;

    /// <summary>
    /// <paramref name="json"/> with the value at <paramref name="path"/> (e.g. <c>pools[0].indicators[1].weight</c>)
    /// replaced by the JSON text <paramref name="valueJson"/>, or removed when it is <see cref="Remove"/>.
    /// </summary>
    public static string With(string json, string path, string valueJson)
    {
        var root = JsonNode.Parse(json)!;
        var steps = Step().Matches(path).Select(m => m.Groups[1].Success ? (object)m.Groups[1].Value : int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var parent = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            parent = step is string name ? parent[name]! : parent[(int)step]!;
        }

        var value = valueJson == Remove ? null : JsonNode.Parse(valueJson);
        switch (steps[^1])
        {
            case string name when valueJson == Remove:
                parent.AsObject().Remove(name);
                break;
            case string name:
                parent[name] = value;
                break;
            case int index when valueJson == Remove:
                parent.AsArray().RemoveAt(index);
                break;
            case int index:
                parent[index] = value;
                break;
        }

        return root.ToJsonString();
    }

    [GeneratedRegex(@"([A-Za-z_]+)|\[(\d+)\]")]
    private static partial Regex Step();
}
