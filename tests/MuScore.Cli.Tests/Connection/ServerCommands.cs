using MuScore.Cli.Tests.Publishing;

namespace MuScore.Cli.Tests.Connection;

/// <summary>Runs publish, lists or summary against a server off the test thread (they block on their calls), with the rest of a valid command line filled in.</summary>
internal static class ServerCommands
{
    public static Task<CliRun> RunAsync(string command, Uri server, string output, params string[] extra) =>
        RunWithAsync(new Dictionary<string, string>(), command, server, output, extra);

    public static Task<CliRun> RunWithAsync(IReadOnlyDictionary<string, string> environment, string command, Uri server, string output, params string[] extra)
    {
        string[] args = command == "publish"
            ? ["publish", "--server", server.ToString(), "--input", Publisher.SampleCounty, "--scheme", "zj-standard", "--region", "331082", "--year", "2024", .. extra]
            : [command, "--server", server.ToString(), "--region", "331082", "--year", "2024", "--out", output, .. extra];
        return Task.Run(() => CliRun.WithEnvironment(environment, args));
    }
}
