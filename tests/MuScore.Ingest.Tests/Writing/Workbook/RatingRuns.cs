using MuScore.Core.Rating;
using MuScore.Core.Sampling;
using MuScore.Core.Schemes;

namespace MuScore.Ingest.Tests.Writing.Workbook;

/// <summary>A real zj-standard run over a generated table with bad rows (invalid and excluded outcomes too).</summary>
internal static class RatingRuns
{
    public static (Scheme Scheme, RatingRun Run) Sample(int count)
    {
        var options = new SampleOptions { Count = count, Seed = 11, BadRowRate = 0.05 };
        var loaded = Samples.Load(Samples.Csv(SampleGenerator.Headers(chinese: false), SampleGenerator.Generate(options).Select(cells => cells.ToArray())));
        var scheme = SchemePresets.Get("zj-standard");
        return (scheme, RatingEngine.Rate(new RatingRequest { Scheme = scheme, Year = options.Year, Rows = loaded.Rows, InputHash = loaded.InputHash }));
    }
}
