using System.Globalization;

namespace MuScore.Drills;

/// <summary><c>--name value</c> options of one drill command.</summary>
internal sealed class DrillOptions
{
    private readonly Dictionary<string, string> values;

    private DrillOptions(Dictionary<string, string> values) => this.values = values;

    public static DrillOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"'{args[i]}' is not an option with a value (--name value)");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new DrillOptions(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"option --{name} is required");

    public int Int(string name, int? fallback = null) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"option --{name} is required");

    public double Seconds(string name, double fallback) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<Uri> Servers() => [.. Text("server").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new Uri(s))];
}
