using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace MuScore.Bench.Profiling;

/// <summary>
/// How the deflate settings of ratings.xlsx trade CPU for file size, on a real sheet: the file is
/// cut into blocks and each block deflated on its own (as <c>WorkbookWriter</c> does), on one
/// thread, so CPU seconds per pass are the compressor's alone.
/// Usage: loop deflate FILE PASSES [LEVEL [STRATEGY [BLOCK_KIB]]], e.g. an unzipped
/// xl/worksheets/sheet1.xml; STRATEGY is a <see cref="ZLibCompressionStrategy"/> name.
/// </summary>
internal static class DeflateLoop
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count is < 4 or > 7 || !File.Exists(args[2]) || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var passes) || passes < 1)
        {
            Console.Error.WriteLine("usage: loop deflate FILE PASSES [LEVEL [STRATEGY [BLOCK_KIB]]]");
            return 2;
        }

        var data = File.ReadAllBytes(args[2]);
        var level = args.Count > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1;
        var strategy = args.Count > 5 ? Enum.Parse<ZLibCompressionStrategy>(args[5]) : ZLibCompressionStrategy.Default;
        var block = (args.Count > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 1024) * 1024;
        var options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy };
        var output = new MemoryStream(data.Length / 3);
        for (var pass = 1; pass <= passes; pass++)
        {
            output.SetLength(0);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var start = 0; start < data.Length; start += block)
            {
                using var deflate = new DeflateStream(output, options, leaveOpen: true);
                deflate.Write(data.AsSpan(start, Math.Min(block, data.Length - start)));
                deflate.Flush();
            }

            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"pass {pass}: level {level} {strategy} {block / 1024} KiB blocks: cpu {cpu.TotalMilliseconds:F0} ms, wall {clock.Elapsed.TotalMilliseconds:F0} ms, {data.Length:N0} → {output.Length:N0} bytes ({100.0 * output.Length / data.Length:F1} %)"));
        }

        return 0;
    }
}
