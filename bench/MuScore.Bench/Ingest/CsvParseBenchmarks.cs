using BenchmarkDotNet.Attributes;
using MuScore.Core.Records;
using MuScore.Ingest;
using nietras.SeparatedValues;

namespace MuScore.Bench.Ingest;

/// <summary>
/// Reading a generated N-row CSV file from disk (page cache warm after the first iteration).
/// The baseline ReadCells only reads every cell; LoadRows also hashes and validates every row
/// into ParsedRows, which is what "muscore rate" does before rating. Target: 1M rows in under 3 s.
/// </summary>
[MemoryDiagnoser]
public class CsvParseBenchmarks
{
    private static readonly Field[] Fields = Enum.GetValues<Field>();

    private string path = string.Empty;

    /// <summary>Data rows in the file.</summary>
    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    /// <summary>The file's text encoding (same text in both).</summary>
    [Params(CsvFileEncoding.Utf8, CsvFileEncoding.Gb18030)]
    public CsvFileEncoding Encoding { get; set; }

    [GlobalSetup]
    public void Setup() => path = SampleCsvFiles.Get(N, Encoding);

    /// <summary>Opens the table and reads every field's cell of every row, without validating or hashing.</summary>
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

    /// <summary>
    /// The split step done by Sep instead (issue 10 asks to read CSV with it): the same file decoded
    /// by a StreamReader in the same encoding, every cell of every record read, unescaped.
    /// </summary>
    [Benchmark]
    public long SepReadCells()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var encoding = Encoding == CsvFileEncoding.Utf8 ? System.Text.Encoding.UTF8 : System.Text.Encoding.GetEncoding("GB18030");
        using var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        long chars = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length;
            }
        }

        return chars;
    }

    /// <summary>Opens the table and loads it: ParsedRows and the input hash.</summary>
    [Benchmark]
    public int LoadRows()
    {
        var result = Load();
        return result.Rows.Count + result.InputHash.Length;
    }

    /// <summary>The load <see cref="LoadRows"/> times, its result kept (the retained-memory measurement).</summary>
    internal LoadResult Load()
    {
        using var table = TableReader.Open(path);
        return RowLoader.Load(table);
    }
}
