using MuScore.Cli.AnnualRun;
using MuScore.Cli.Output;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Cli.Tests.Output;

/// <summary>ratings.csv written in parallel blocks is byte for byte the table one writer gives row by row.</summary>
public sealed class RatingsCsvBlocksTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(64, 2)]
    [InlineData(100_000, 4)]
    public void Write_AnyBlockSizeAndThreads_GivesTheBytesOfOneWriterRowByRow(int blockRows, int threads)
    {
        var (scheme, run) = RatedSample();

        var blocks = new MemoryStream();
        RatingsCsvBlocks.Write(blocks, scheme, run, progress: null, blockRows, threads);

        Assert.Equal(RowByRow(scheme, run), blocks.ToArray());
    }

    [Fact]
    public void Write_ReportsRisingProgressEndingAtEveryRow()
    {
        var (scheme, run) = RatedSample();
        var reports = new List<RateStepProgress>();

        RatingsCsvBlocks.Write(new MemoryStream(), scheme, run, new Recorder(reports), blockRows: 5, threads: 2);

        Assert.All(reports, r => Assert.Equal(RateStep.WriteCsv, r.Step));
        Assert.Equal(reports.Select(r => r.Done).Order(), reports.Select(r => r.Done));
        Assert.Equal(run.Rows.Count, reports[^1].Done);
        Assert.Equal(run.Rows.Count, reports[^1].Total);
        Assert.True(reports.Count > 2, "one report per batch of blocks");
    }

    private static byte[] RowByRow(Scheme scheme, RatingRun run)
    {
        var layout = new RatingsTableLayout(scheme, run);
        var stream = new MemoryStream();
        using (var csv = new CsvTableWriter(stream, layout.Headers, layout.Kinds, leaveOpen: true))
        {
            foreach (var row in run.Rows)
            {
                csv.WriteRow(new ReadOnlySpan<string?>(layout.Fill(row)));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A sample with bad rows (INVALID), other regions (EXCLUDED) and names that need quotes or a formula guard.</summary>
    private (Scheme Scheme, RatingRun Run) RatedSample()
    {
        var input = temp.File("in.csv");
        if (!File.Exists(input))
        {
            CliRun.Of("sample", "--n", "233", "--seed", "5", "--year", "2025", "--bad-rate", "0.1", "--out", input).Expect(0);
        }

        var scheme = SchemePresets.Get("zj-standard");
        using var table = TableReader.Open(input);
        var load = RowLoader.Load(table);
        var rows = load.Rows.Select((row, i) => i % 9 == 4 && row.Record is { } record
            ? row with { Name = i % 2 == 0 ? "=cmd,\"quoted\"" : "甲, 乙\n丙", Record = record with { Name = "x" } }
            : row).ToArray();
        var run = RatingEngine.Rate(new RatingRequest
        {
            Scheme = scheme,
            Year = 2025,
            Region = rows.First(r => r.Record is not null).Record!.Region,
            Rows = rows,
            InputHash = load.InputHash,
        });
        Assert.Contains(run.Rows, r => r.Status == RowStatus.Invalid);
        Assert.Contains(run.Rows, r => r.Status == RowStatus.Excluded);
        Assert.Contains(run.Rows, r => r.Status == RowStatus.Rated);
        return (scheme, run);
    }

    private sealed class Recorder(List<RateStepProgress> reports) : IProgress<RateStepProgress>
    {
        public void Report(RateStepProgress value) => reports.Add(value);
    }
}
