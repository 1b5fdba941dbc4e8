using System.Globalization;
using System.Text.Json;

namespace MuScore.Core.Schemes;

/// <summary>Reads a list of GB/T 4754 two-digit divisions (1..99, no duplicates).</summary>
internal static class Divisions
{
    /// <summary>The divisions in ascending order (a set: the order written does not matter).</summary>
    public static IReadOnlyList<int> Read(JsonElement array, string path, List<SchemeError> errors)
    {
        var seen = new SortedSet<int>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
            index++;
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var division))
            {
                errors.Add(new(itemPath, "a division must be an integer"));
            }
            else if (division is < 1 or > 99)
            {
                errors.Add(new(itemPath, string.Create(CultureInfo.InvariantCulture, $"division {division} must be a 2-digit GB/T 4754 division between 1 and 99")));
            }
            else if (!seen.Add(division))
            {
                errors.Add(new(itemPath, string.Create(CultureInfo.InvariantCulture, $"division {division} is listed twice")));
            }
        }

        return [.. seen];
    }
}
