using System.ComponentModel;
using System.Diagnostics;

namespace MuScore.Server.Tests.Support;

/// <summary>
/// Runs one of the Python outsider scripts copied next to the tests (Outsider/*.py) with a bearer
/// token in MUSCORE_TOKEN, and returns what it printed as "label value" lines. Fails the test, with
/// the install hint when given, if python3 cannot start, the script hangs or exits non-zero.
/// </summary>
internal static class OutsiderScript
{
    /// <summary>Debian's interpreter: python3-grpcio installs for it, not for any other python3 on PATH.</summary>
    private const string DebianPython = "/usr/bin/python3";

    /// <summary>The exit code the scripts use for "a module is missing".</summary>
    private const int MissingModule = 3;

    public static async Task<Dictionary<string, string>> RunAsync(string scriptName, string token, IEnumerable<string> arguments, string? install = null)
    {
        var start = new ProcessStartInfo(File.Exists(DebianPython) ? DebianPython : "python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Outsider", scriptName));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MUSCORE_TOKEN"] = token;
        var hint = install is null ? string.Empty : $"{install}; ";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{hint}python3 could not be started: {e.Message}");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{scriptName} did not finish in 60 s; it printed: {await output}");
            }

            var stderr = await errors;
            Assert.False(install is not null && process.ExitCode == MissingModule, $"{install}: {stderr}");
            Assert.True(process.ExitCode == 0, $"{scriptName} exited {process.ExitCode}: {stderr}");
            return (await output)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', 2))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal);
        }
    }
}
