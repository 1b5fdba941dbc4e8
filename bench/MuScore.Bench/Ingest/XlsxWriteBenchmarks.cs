using BenchmarkDotNet.Attributes;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Ingest;

namespace MuScore.Bench.Ingest;

/// <summary>
/// Writing N generated rows (the "muscore sample" table: 10 columns, numbers as numbers) to an
/// .xlsx file on disk with <see cref="XlsxTableWriter"/>. The rows are made once in memory, so
/// only the writer is timed. docs/benchmarks.md compares the hand-written zip+XML writer and
/// SpreadCheetah with this same file at each commit.
/// </summary>
[MemoryDiagnoser]
public class XlsxWriteBenchmarks
{
    private string?[][] rows = [];
    private string[] headers = [];
    private XlsxColumnKind[] kinds = [];
    private string path = string.Empty;

    /// <summary>Data rows written.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new SampleOptions { Count = N, Seed = 42, Year = 2024, Regions = ["331082"] };
        headers = [.. SampleGenerator.Headers(chinese: true)];
        kinds = [.. FieldCatalog.All.Select(f => f.Kind == FieldKind.Number ? XlsxColumnKind.Number : XlsxColumnKind.Text)];
        rows = [.. SampleGenerator.Generate(options).Select(cells => (string?[])[.. cells])];
        path = Path.Combine(Path.GetTempPath(), $"muscore-bench-xlsx-{Environment.ProcessId}.xlsx");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    /// <summary>Writes every row and closes the workbook; returns the file's size.</summary>
    [Benchmark]
    public long Write()
    {
        using (var writer = new XlsxTableWriter(path, headers, kinds))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(new ReadOnlySpan<string?>(row));
            }
        }

        return new FileInfo(path).Length;
    }
}
