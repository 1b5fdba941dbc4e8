using System.Globalization;
using MuScore.Ingest;

namespace MuScore.Bench.Profiling;

/// <summary>
/// The managed heap a load leaves alive, per row: live bytes after a full collection with the
/// result held, less the live bytes before the load. This is what a run keeps for its whole life.
/// </summary>
internal static class RetainedBytes
{
    public static object Report(Func<LoadResult> load)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var result = load();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var rows = result.Rows.Count;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"retained: {after - before:N0} bytes for {rows:N0} rows = {(after - before) / (double)rows:F1} bytes per row ({result.InvalidCount:N0} invalid)"));
        GC.KeepAlive(result);
        return rows;
    }
}
