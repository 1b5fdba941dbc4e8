using System.Diagnostics;
using System.Globalization;
using MuScore.Bench.Ingest;
using MuScore.Bench.Rating;
using MuScore.Ingest;

namespace MuScore.Bench.Profiling;

/// <summary>
/// Runs one benchmark body in a plain loop, outside BenchmarkDotNet, so a profiler such as
/// dotnet-trace can attach to an ordinary process (BenchmarkDotNet's in-process runs hang under
/// EventPipe here). Prints wall and CPU time, GC pause, gen-2 collections and allocation per pass.
/// Usage: loop rate|load|xlsx-write|xlsx-ratings N PASSES [SpreadCheetahStrings|ParallelTyped [LEVEL]]
/// (a 1M-row .xlsx outlasts BenchmarkDotNet's in-process time limit).
/// </summary>
internal static class ProfileLoop
{
    public const string Command = "loop";

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count is < 4 or > 6 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var n)
            || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var passes) || n < 1 || passes < 1)
        {
            Console.Error.WriteLine("usage: loop rate|load|xlsx-write|xlsx-ratings N PASSES [writer]");
            return 2;
        }

        Func<object> body;
        switch (args[1])
        {
            case "rate":
                var rating = new RatingBenchmarks { N = n };
                rating.Setup();
                body = rating.Rate;
                break;
            case "load":
                var csv = new CsvParseBenchmarks { N = n, Encoding = CsvFileEncoding.Utf8 };
                csv.Setup();
                body = () => csv.LoadRows();
                break;
            case "xlsx-write":
                var xlsx = new XlsxWriteBenchmarks { N = n };
                xlsx.Setup();
                body = () => xlsx.Write();
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
                break;
            default:
                Console.Error.WriteLine($"unknown scenario '{args[1]}': rate, load, xlsx-write or xlsx-ratings");
                return 2;
        }

        for (var pass = 1; pass <= passes; pass++)
        {
            Measure(pass, body);
        }

        return 0;
    }

    private static void Measure(int pass, Func<object> body)
    {
        var pause = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(body());
        var wall = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pass {pass}: wall {wall.TotalMilliseconds:F0} ms, cpu {cpu.TotalMilliseconds:F0} ms, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, gen2 {GC.CollectionCount(2) - gen2}, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MiB"));
    }
}
