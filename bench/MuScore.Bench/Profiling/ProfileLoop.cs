using System.Diagnostics;
using System.Globalization;
using MuScore.Bench.Ingest;
using MuScore.Bench.Rating;
using MuScore.Core.Rating;
using MuScore.Ingest;

namespace MuScore.Bench.Profiling;

/// <summary>
/// Runs one benchmark body in a plain loop, outside BenchmarkDotNet, so a profiler such as
/// dotnet-trace can attach to an ordinary process (BenchmarkDotNet's in-process runs hang under
/// EventPipe here). Prints wall and CPU time, GC pause, gen-2 collections and allocation per pass,
/// and what the pass's result keeps alive (the live heap after a full collection, less the heap
/// before the pass) per input row.
/// Usage: loop rate|load|load-gb18030|[sep-]split[-gb18030]|retain|xlsx-write|csv-rows|csv-cells|xlsx-ratings N PASSES
/// [SpreadCheetahStrings|SpreadCheetahTyped|ParallelTyped|ParallelRows [LEVEL]] (a 1M-row .xlsx outlasts BenchmarkDotNet's in-process
/// time limit; retain: the managed bytes a loaded row keeps alive); loop deflate FILE PASSES [LEVEL [STRATEGY [BLOCK_KIB]]]
/// times the compressor alone (<see cref="DeflateLoop"/>); loop save|draft N PASSES: the server's
/// draft and SQLite save of a large upload (<see cref="SaveLoop"/>); loop sheet-xml|sheet-deflate|sheet-number N PASSES [typed]:
/// the sheet's XML and its deflate apart, on one thread (<see cref="SheetLoop"/>).
/// </summary>
internal static class ProfileLoop
{
    public const string Command = "loop";

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count > 1 && args[1] == "deflate")
        {
            return DeflateLoop.Run(args);
        }

        if (args.Count == 4 && args[1] is "save" or "draft" && int.TryParse(args[2], CultureInfo.InvariantCulture, out var rows)
            && int.TryParse(args[3], CultureInfo.InvariantCulture, out var times) && rows > 0 && times > 0)
        {
            return SaveLoop.Run(args[1], rows, times);
        }

        if (args.Count is < 4 or > 6 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var n)
            || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var passes) || n < 1 || passes < 1)
        {
            Console.Error.WriteLine("usage: loop rate|load|load-gb18030|[sep-]split[-gb18030]|retain|xlsx-write|csv-rows|csv-cells|xlsx-ratings|sheet-xml|sheet-deflate|sheet-number N PASSES [writer [level]]");
            return 2;
        }

        Func<object> body;
        Action cleanup = static () => { };
        switch (args[1])
        {
            case "rate":
                var rating = new RatingBenchmarks { N = n };
                rating.Setup();
                body = rating.Rate;
                break;
            case "load" or "load-gb18030":
                var csv = new CsvParseBenchmarks { N = n, Encoding = args[1] == "load" ? CsvFileEncoding.Utf8 : CsvFileEncoding.Gb18030 };
                csv.Setup();
                body = () => csv.LoadRows();
                break;
            case "split" or "sep-split" or "split-gb18030" or "sep-split-gb18030":
                var split = new CsvParseBenchmarks { N = n, Encoding = args[1].EndsWith("gb18030", StringComparison.Ordinal) ? CsvFileEncoding.Gb18030 : CsvFileEncoding.Utf8 };
                split.Setup();
                body = args[1].StartsWith("sep", StringComparison.Ordinal) ? () => split.SepReadCells() : () => split.ReadCells();
                break;
            case "retain":
                var retained = new CsvParseBenchmarks { N = n, Encoding = CsvFileEncoding.Utf8 };
                retained.Setup();
                body = () => RetainedBytes.Report(retained.Load);
                break;
            case "xlsx-write":
                var xlsx = new XlsxWriteBenchmarks { N = n };
                xlsx.Setup();
                body = () => xlsx.Write();
                break;
            case "csv-rows" or "csv-cells":
                var csvRatings = new RatingsCsvWriteBenchmarks { N = n };
                csvRatings.Setup();
                body = args[1] == "csv-rows" ? () => csvRatings.Utf8Rows() : () => csvRatings.CellStrings();
                break;
            case "sheet-xml" or "sheet-deflate" or "sheet-number":
                body = SheetLoop.Body(args[1], n, typed: args.Count >= 5 && args[4] == "typed");
                break;
            case "xlsx-ratings":
                var ratings = new RatingsXlsxWriteBenchmarks
                {
                    N = n,
                    Writer = args.Count >= 5 ? Enum.Parse<RatingsXlsxWriter>(args[4]) : RatingsXlsxWriter.ParallelTyped,
                    Level = args.Count == 6 ? int.Parse(args[5], CultureInfo.InvariantCulture) : WorkbookWriter.DefaultLevel,
                };
                ratings.Setup();
                body = () => ratings.Write();
                cleanup = ratings.Cleanup;
                break;
            default:
                Console.Error.WriteLine($"unknown scenario '{args[1]}': rate, load, load-gb18030, split, sep-split, split-gb18030, sep-split-gb18030, retain, xlsx-write, csv-rows, csv-cells, xlsx-ratings, sheet-xml, sheet-deflate or sheet-number");
                return 2;
        }

        try
        {
            for (var pass = 1; pass <= passes; pass++)
            {
                Measure(pass, n, body);
            }
        }
        finally
        {
            // The workbook file is some 200 MB at 1M rows: never left behind.
            cleanup();
        }

        return 0;
    }

    private static void Measure(int pass, int n, Func<object> body)
    {
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var pause = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = body();
        var wall = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        pause = GC.GetTotalPauseDuration() - pause;
        gen2 = GC.CollectionCount(2) - gen2;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        // Measured after the counters above, so its own full collection is not counted in them.
        var retained = GC.GetTotalMemory(forceFullCollection: true) - live;
        GC.KeepAlive(result);
        var perRated = result is RatingRun run && run.Pools.Sum(p => p.Size) is var rated and > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {(double)retained / rated:F0} B per rated row")
            : result is long size ? string.Create(CultureInfo.InvariantCulture, $", {size:N0} B written") : string.Empty;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pass {pass}: wall {wall.TotalMilliseconds:F0} ms, cpu {cpu.TotalMilliseconds:F0} ms, GC pause {pause.TotalMilliseconds:F0} ms, gen2 {gen2}, allocated {allocated / 1048576.0:F0} MiB, retained {retained / 1048576.0:F0} MiB ({(double)retained / n:F0} B/row{perRated})"));
    }
}
