using BenchmarkDotNet.Attributes;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Core.Schemes;
using MuScore.Ingest;
using SpreadCheetah;

namespace MuScore.Bench.Ingest;

/// <summary>Which writer makes ratings.xlsx.</summary>
public enum RatingsXlsxWriter
{
    /// <summary>Cell strings (RatingsTableLayout.Fill) through XlsxTableWriter on SpreadCheetah: main before issue 10.</summary>
    SpreadCheetahStrings,

    /// <summary>Typed cells (RatingsXlsxCells) through WorkbookWriter.WriteRow: XML on one thread, deflating blocks on all cores.</summary>
    ParallelTyped,

    /// <summary>Typed cells through WorkbookWriter.WriteRows: blocks of rows written and deflated on all cores (ratings.xlsx now).</summary>
    ParallelRows,

    /// <summary>
    /// The same typed cells as SpreadCheetah DataCells (numbers as doubles, no cell references,
    /// deflate level 1): the library at its fastest, one thread deflating.
    /// </summary>
    SpreadCheetahTyped,
}

/// <summary>
/// ratings.xlsx of N rated enterprises (zj-standard, generated, one region) written to a file,
/// as <c>muscore rate</c> writes it; the run is rated once in setup so only the workbook is
/// timed. The baseline is the SpreadCheetah writer fed strings. A million rows outlasts
/// BenchmarkDotNet's in-process limit: run it with <c>loop xlsx-ratings N PASSES [writer]</c>.
/// </summary>
[MemoryDiagnoser]
public class RatingsXlsxWriteBenchmarks
{
    private RatingRun run = null!;
    private Scheme scheme = null!;
    private string path = string.Empty;

    [Params(100_000)]
    public int N { get; set; }

    [Params(RatingsXlsxWriter.SpreadCheetahStrings, RatingsXlsxWriter.ParallelTyped)]
    public RatingsXlsxWriter Writer { get; set; }

    /// <summary>zlib level of the parallel writer's small parts; its sheets are deflated by MarkupDeflater since session 7, whatever the level.</summary>
    public int Level { get; set; } = WorkbookWriter.DefaultLevel;

    /// <summary>The rated run (after <see cref="Setup"/>).</summary>
    internal RatingRun Run => run;

    /// <summary>The scheme it was rated with.</summary>
    internal Scheme Scheme => scheme;

    [GlobalSetup]
    public void Setup()
    {
        scheme = SchemePresets.Get("zj-standard");
        var options = new SampleOptions { Count = N, Seed = 42, Year = 2024, Regions = ["331082"] };
        var rows = SampleGenerator.GenerateRecords(options).Select((record, i) => ParsedRow.Valid(i + 2, record)).ToArray();
        run = RatingEngine.Rate(new RatingRequest { Scheme = scheme, Year = 2024, Rows = rows, InputHash = "bench" });
        path = Path.Combine(Path.GetTempPath(), $"muscore-bench-ratings-{Environment.ProcessId}.xlsx");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    /// <summary>Writes every row and closes the workbook; returns the file's size.</summary>
    [Benchmark]
    public long Write()
    {
        var layout = new RatingsTableLayout(scheme, run);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
        {
            if (Writer == RatingsXlsxWriter.SpreadCheetahStrings)
            {
                using var xlsx = new XlsxTableWriter(stream, layout.Headers, layout.Kinds, "ratings");
                foreach (var row in run.Rows)
                {
                    xlsx.WriteRow(new ReadOnlySpan<string?>(layout.Fill(row)));
                }
            }
            else if (Writer == RatingsXlsxWriter.SpreadCheetahTyped)
            {
                WriteSpreadCheetahTyped(stream, layout);
            }
            else if (Writer == RatingsXlsxWriter.ParallelRows)
            {
                using var xlsx = new WorkbookWriter(stream, layout.Headers, "ratings", leaveOpen: false, XlsxTableWriter.MaxRows, Level);
                xlsx.WriteRows(run.Rows.Count, () => new RatingsXlsxCells(layout, run));
            }
            else
            {
                var cells = new RatingsXlsxCells(layout, run);
                using var xlsx = new WorkbookWriter(stream, layout.Headers, "ratings", leaveOpen: false, XlsxTableWriter.MaxRows, Level);
                for (var i = 0; i < run.Rows.Count; i++)
                {
                    xlsx.WriteRow(cells.Fill(i));
                }
            }
        }

        return new FileInfo(path).Length;
    }

    private void WriteSpreadCheetahTyped(Stream stream, RatingsTableLayout layout)
    {
        var options = new SpreadCheetahOptions
        {
            CompressionLevel = SpreadCheetahCompressionLevel.Fastest,
            DocumentProperties = null,
            WriteCellReferenceAttributes = false,
        };
        using var spreadsheet = Spreadsheet.CreateNewAsync(stream, options).AsTask().GetAwaiter().GetResult();
        spreadsheet.StartWorksheetAsync("ratings").AsTask().GetAwaiter().GetResult();
        var row = layout.Headers.Select(h => new DataCell(h)).ToArray();
        spreadsheet.AddRowAsync(row).AsTask().GetAwaiter().GetResult();
        var cells = new RatingsXlsxCells(layout, run);
        for (var r = 0; r < run.Rows.Count; r++)
        {
            var typed = cells.Fill(r);
            for (var i = 0; i < typed.Length; i++)
            {
                var cell = typed[i];
                row[i] = cell.Kind switch
                {
                    XlsxCellKind.Empty => default,
                    XlsxCellKind.Whole => new DataCell(cell.Units),
                    XlsxCellKind.Millionths => new DataCell(cell.Units / 1e6),
                    XlsxCellKind.Shortest => new DataCell(cell.Value),
                    _ => new DataCell(cell.Text),
                };
            }

            var pending = spreadsheet.AddRowAsync(row);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        spreadsheet.FinishAsync().AsTask().GetAwaiter().GetResult();
    }
}
