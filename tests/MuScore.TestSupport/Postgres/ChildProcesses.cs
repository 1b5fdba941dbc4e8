using System.Diagnostics;
using System.Globalization;

namespace MuScore.TestSupport.Postgres;

/// <summary>Child processes of a process, read from /proc (Linux), so a killed postmaster's backends can be awaited.</summary>
internal static class ChildProcesses
{
    public static IReadOnlyList<int> Of(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) == parent)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    /// <summary>Waits until none of the processes is alive; a backend notices its postmaster's death within milliseconds.</summary>
    public static void WaitForExit(IReadOnlyList<int> pids, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (pids.Any(pid => Directory.Exists($"/proc/{pid}")))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"PostgreSQL backends {string.Join(", ", pids)} still run {timeout.TotalSeconds} s after their postmaster was killed");
            }

            Thread.Sleep(20);
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
