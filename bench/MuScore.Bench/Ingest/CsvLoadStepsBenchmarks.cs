using BenchmarkDotNet.Attributes;
using MuScore.Core.Hashing;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Bench.Ingest;

/// <summary>
/// Where the time of RowLoader.Load goes on the 1M-row UTF-8 file: each method adds one step of
/// the load to the baseline (read every cell), so the differences between rows are the steps' costs.
/// </summary>
[MemoryDiagnoser]
public class CsvLoadStepsBenchmarks
{
    private static readonly Field[] Fields = Enum.GetValues<Field>();

    private string path = string.Empty;

    /// <summary>Data rows in the file.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => path = SampleCsvFiles.Get(N, CsvFileEncoding.Utf8);

    /// <summary>Read every field's cell of every row.</summary>
    [Benchmark(Baseline = true)]
    public long ReadCells()
    {
        using var table = TableReader.Open(path);
        long chars = 0;
        foreach (var row in table.ReadRows())
        {
            foreach (var field in Fields)
            {
                chars += row.Cell(field).Length;
            }
        }

        return chars;
    }

    /// <summary>Read and hash every row (the input hash), nothing else.</summary>
    [Benchmark]
    public string HashRows()
    {
        using var table = TableReader.Open(path);
        using var hasher = new InputHasher();
        foreach (var row in table.ReadRows())
        {
            hasher.Append(row);
        }

        return hasher.Finish();
    }

    /// <summary>Read and validate every row, dropping each ParsedRow at once (short-lived garbage only).</summary>
    [Benchmark]
    public int ParseRows()
    {
        using var table = TableReader.Open(path);
        var parser = new RecordParser();
        var valid = 0;
        foreach (var row in table.ReadRows())
        {
            valid += parser.Parse(row).Record is null ? 0 : 1;
        }

        return valid;
    }

    /// <summary>Read and validate every row, keeping every ParsedRow (the heap grows to hold them all).</summary>
    [Benchmark]
    public int ParseAndKeepRows()
    {
        using var table = TableReader.Open(path);
        var parser = new RecordParser();
        var rows = new List<ParsedRow>();
        foreach (var row in table.ReadRows())
        {
            rows.Add(parser.Parse(row));
        }

        return rows.Count;
    }

    /// <summary>The whole load: hash, validate and keep every row.</summary>
    [Benchmark]
    public int LoadRows()
    {
        using var table = TableReader.Open(path);
        return RowLoader.Load(table).Rows.Count;
    }
}
