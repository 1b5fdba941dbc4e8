using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MuScore.Cli.Tests.Publishing;

/// <summary>Runs "muscore publish" in-process and reads what it printed.</summary>
internal static partial class Publisher
{
    /// <summary>The shipped sample county (300 rows of region 331082, 2024), copied beside the tests.</summary>
    public static string SampleCounty { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "county-2024.csv");

    /// <summary>
    /// Runs publish off the test thread (the command blocks on its gRPC calls), with the sample's
    /// scheme, region and year unless <paramref name="extra"/> names them.
    /// </summary>
    public static Task<CliRun> RunAsync(Uri server, string input, params string[] extra)
    {
        string[] defaults = ["--scheme", "zj-standard", "--region", "331082", "--year", "2024"];
        var args = new List<string> { "publish", "--server", server.ToString(), "--input", input };
        for (var i = 0; i < defaults.Length; i += 2)
        {
            if (!extra.Contains(defaults[i]))
            {
                args.AddRange([defaults[i], defaults[i + 1]]);
            }
        }

        args.AddRange(extra);
        return Task.Run(() => CliRun.Of([.. args]));
    }

    /// <summary>The run id from the summary's "run" line.</summary>
    public static string RunId(CliRun run)
    {
        var match = RunLine().Match(run.Out);
        Assert.True(match.Success, $"no run line in:\n{run.Out}");
        return match.Groups[1].Value;
    }

    /// <summary>The version from the summary's "published" line.</summary>
    public static int Version(CliRun run)
    {
        var match = PublishedLine().Match(run.Out);
        Assert.True(match.Success, $"no published line in:\n{run.Out}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>An address nothing listens on: a port taken from the OS and released.</summary>
    public static Uri Nowhere() => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}"));

    public static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A copy of <paramref name="source"/> with rows replaced: row number (header = 1) to its new text.</summary>
    public static string Edited(string source, string target, IReadOnlyDictionary<int, Func<string, string>> edits)
    {
        var lines = File.ReadAllLines(source);
        foreach (var (row, edit) in edits)
        {
            lines[row - 1] = edit(lines[row - 1]);
        }

        File.WriteAllLines(target, lines);
        return target;
    }

    [GeneratedRegex(@"^run +([0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex RunLine();

    [GeneratedRegex(@"^published +region \d{6}, year \d{4}, version (\d+), at ", RegexOptions.Multiline)]
    private static partial Regex PublishedLine();
}
