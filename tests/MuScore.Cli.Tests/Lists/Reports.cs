using System.Globalization;

namespace MuScore.Cli.Tests.Lists;

/// <summary>Runs "muscore lists" or "muscore summary" off the test thread (the commands block on their gRPC calls).</summary>
internal static class Reports
{
    public static Task<CliRun> RunAsync(string command, Uri server, int year, string output, params string[] extra) =>
        Task.Run(() => CliRun.Of([command, "--server", server.ToString(), "--region", LinhaiFirms.Region,
            "--year", year.ToString(CultureInfo.InvariantCulture), "--out", output, .. extra]));
}
