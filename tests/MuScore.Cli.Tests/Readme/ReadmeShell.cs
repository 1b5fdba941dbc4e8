using System.Diagnostics;
using System.Text;

namespace MuScore.Cli.Tests.Readme;

/// <summary>
/// Runs README blocks with bash in one working folder, in README order, as a newcomer would type
/// them from the root of a fresh clone: <c>muscore</c> is the built command line (the README's
/// alias for <c>dotnet run --project src/MuScore.Cli -c Release --</c>), and the README's server
/// address is the test server's.
/// </summary>
internal sealed class ReadmeShell(string workDirectory, string muscoreDll, Uri? server, Uri? web = null)
{
    /// <summary>How the README spells the command line before its alias is set.</summary>
    public const string DotnetRun = "dotnet run --project src/MuScore.Cli -c Release --";

    /// <summary>Where the README's examples expect the server.</summary>
    public const string ReadmeServer = "http://127.0.0.1:5080";

    /// <summary>Where the README's examples expect the server's web listener (HTTP/JSON, the console).</summary>
    public const string ReadmeWeb = "http://127.0.0.1:5081";

    /// <summary>Generous: a block starts a few .NET processes on a loaded 2-core machine.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>The block's script as run: the alias set, the server substituted, stopping at the first failing command.</summary>
    public string Prepare(ReadmeBlock block)
    {
        var script = block.Script.Replace(DotnetRun, "muscore", StringComparison.Ordinal);
        if (server is not null)
        {
            script = script.Replace(ReadmeServer, server.ToString().TrimEnd('/'), StringComparison.Ordinal);
        }

        if (web is not null)
        {
            script = script.Replace(ReadmeWeb, web.ToString().TrimEnd('/'), StringComparison.Ordinal);
        }

        return "set -euo pipefail\nmuscore() { dotnet \"$MUSCORE_DLL\" \"$@\"; }\n" + script + "\n";
    }

    /// <summary>Runs the block; its exit code and its stdout and stderr together.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(ReadmeBlock block)
    {
        var file = Path.Combine(workDirectory, $".readme-block-{block.Line}.sh");
        await File.WriteAllTextAsync(file, Prepare(block));
        var start = new ProcessStartInfo("bash", [file])
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // The variables that stand in for options must come from the README, not from the machine.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MUSCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MUSCORE_DLL"] = muscoreDll;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"killed after {Limit.TotalMinutes} minutes\n{await stdout}{await stderr}");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
