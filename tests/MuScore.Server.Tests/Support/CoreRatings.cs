using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Server.Tests.Support;

/// <summary>What the core itself makes of a sample: the expected outcome of every enterprise, by credit code.</summary>
internal static class CoreRatings
{
    public static IReadOnlyDictionary<string, RowOutcome> Rate(string region, int year, int count = 200, string scheme = "zj-standard")
    {
        var rows = Records.SampleCore(region, year, count).Select((record, i) => ParsedRow.Valid(i + 2, record)).ToArray();
        var run = RatingEngine.Rate(new RatingRequest
        {
            Scheme = SchemePresets.Get(scheme),
            Year = year,
            Region = region,
            Rows = rows,
            InputHash = "expected",
        });
        return run.Rows.ToDictionary(r => r.CreditCode!, StringComparer.Ordinal);
    }
}
