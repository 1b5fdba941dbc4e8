using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace MuScore.Server.Tests.Telemetry;

/// <summary>One scrape of a server's /metrics over a real socket, in Prometheus's text format.</summary>
internal sealed partial class PrometheusScrape
{
    private readonly List<Sample> samples;

    private PrometheusScrape(string text, List<Sample> samples)
    {
        Text = text;
        this.samples = samples;
    }

    public string Text { get; }

    /// <summary>Every metric family named by a sample (histograms by their _bucket/_count/_sum series too).</summary>
    public IReadOnlySet<string> Names => samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    public static async Task<PrometheusScrape> ReadAsync(Uri metrics)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(metrics);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var parsed = new List<Sample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            parsed.Add(new Sample(match.Groups["name"].Value, labels, Number(match.Groups["value"].Value)));
        }

        return new PrometheusScrape(text, parsed);
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/> (0 when none).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Matching(name, labels).Sum(s => s.Value);

    /// <summary>Whether any sample of <paramref name="name"/> has all of <paramref name="labels"/>.</summary>
    public bool Has(string name, params (string Key, string Value)[] labels) => Matching(name, labels).Any();

    private IEnumerable<Sample> Matching(string name, (string Key, string Value)[] labels) =>
        samples.Where(s => string.Equals(s.Name, name, StringComparison.Ordinal)
            && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal)));

    private static double Number(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);
}
