using BenchmarkDotNet.Attributes;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Core.Schemes;

namespace MuScore.Bench.Rating;

/// <summary>
/// The rating core alone (parsing excluded): N valid generated enterprises of one region rated
/// under zj-standard for 2024. Target (issue 10): 1M enterprises in 0.5 s wall on the 2-core machine,
/// the run keeping at most 160 bytes per rated row (see `loop rate`, which prints it).
/// </summary>
[MemoryDiagnoser]
public class RatingBenchmarks
{
    private ParsedRow[] rows = [];
    private Scheme scheme = null!;

    /// <summary>Enterprises per rating run.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        scheme = SchemePresets.Get("zj-standard");
        var options = new SampleOptions { Count = N, Seed = 42, Year = 2024, Regions = ["331082"] };

        // Row numbers as a spreadsheet shows them: the header is row 1.
        rows = SampleGenerator.GenerateRecords(options)
            .Select((record, i) => ParsedRow.Valid(i + 2, record))
            .ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => rows = [];

    [Benchmark]
    public RatingRun Rate() => RatingEngine.Rate(new RatingRequest
    {
        Scheme = scheme,
        Year = 2024,
        Rows = rows,
        InputHash = "bench",
    });
}
