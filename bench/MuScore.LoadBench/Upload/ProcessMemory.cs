using System.Globalization;

namespace MuScore.LoadBench.Upload;

/// <summary>One reading of another process's memory from <c>/proc/PID/status</c>, in KiB.</summary>
/// <param name="RssKib">VmRSS: resident now.</param>
/// <param name="HwmKib">VmHWM: the most ever resident (the kernel's own peak, which no sampling can miss).</param>
internal readonly record struct MemoryReading(long RssKib, long HwmKib)
{
    /// <summary>Reads the status of process <paramref name="pid"/>; throws when it has exited.</summary>
    public static MemoryReading Of(int pid)
    {
        long rss = -1, hwm = -1;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kib(line);
            }
        }

        return rss < 0 || hwm < 0
            ? throw new InvalidDataException($"/proc/{pid}/status has no VmRSS or VmHWM line")
            : new MemoryReading(rss, hwm);
    }

    public static string Mib(long kib) => (kib / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    // "VmRSS:\t  123456 kB"
    private static long Kib(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
