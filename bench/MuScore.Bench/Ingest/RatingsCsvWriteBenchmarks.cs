using BenchmarkDotNet.Attributes;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Bench.Ingest;

/// <summary>
/// The rows of ratings.csv of N rated enterprises (three regions, zj-standard, 2024), formatted on
/// one thread into memory: the cells as strings through the layout and Sep (the writer before
/// issue 10, the baseline) against UTF-8 bytes straight from the run's columns
/// (<see cref="RatingsCsvRows"/>). The run is rated once in setup; the file is not written, so
/// only formatting is timed. <c>muscore rate</c> runs the second on every core, in blocks.
/// </summary>
[MemoryDiagnoser]
public class RatingsCsvWriteBenchmarks
{
    private RatingRun run = null!;
    private RatingsTableLayout layout = null!;
    private CsvRowBuffer buffer = null!;

    /// <summary>Rows written.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scheme = SchemePresets.Get("zj-standard");
        var options = new SampleOptions { Count = N, Seed = 42, Year = 2024 };
        var rows = SampleGenerator.GenerateRecords(options).Select((record, i) => ParsedRow.Valid(i + 2, record)).ToArray();
        run = RatingEngine.Rate(new RatingRequest { Scheme = scheme, Year = 2024, Rows = rows, InputHash = "bench" });
        layout = new RatingsTableLayout(scheme, run);
        buffer = new CsvRowBuffer(1 << 24);
        _ = run.Results;
    }

    /// <summary>Strings per cell (<see cref="RatingsTableLayout.Fill(RowOutcome)"/>) written by Sep into a stream that keeps nothing.</summary>
    [Benchmark(Baseline = true)]
    public long CellStrings()
    {
        using var csv = CsvTableWriter.Continuation(Stream.Null, layout.Kinds, leaveOpen: true);
        for (var i = 0; i < run.Rows.Count; i++)
        {
            csv.WriteRow(new ReadOnlySpan<string?>(layout.Fill(run.Rows[i])));
        }

        return csv.RowsWritten;
    }

    /// <summary>UTF-8 bytes from the columns, in blocks of 8,192 rows into one reused buffer.</summary>
    [Benchmark]
    public long Utf8Rows()
    {
        var rows = new RatingsCsvRows(layout, run);
        long bytes = 0;
        for (var start = 0; start < rows.Count; start += 8_192)
        {
            buffer.Clear();
            rows.Write(buffer, start, Math.Min(rows.Count, start + 8_192));
            bytes += buffer.Written.Length;
        }

        return bytes;
    }
}
