using System.Diagnostics;

namespace MuScore.TestSupport.Postgres;

/// <summary>
/// Runs PostgreSQL's programs. initdb and postgres refuse to run as root, so when the tests run as
/// root the server-side programs run as the <c>postgres</c> OS user through <c>runuser</c>.
/// </summary>
internal static class PostgresProcess
{
    private const string ServiceUser = "postgres";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Whether server programs must switch user (the tests run as root).</summary>
    public static bool SwitchesUser => Environment.IsPrivilegedProcess;

    /// <summary>Gives the directory tree to the service user when the server runs as that user.</summary>
    public static Task ChownAsync(string path, CancellationToken cancellationToken) =>
        SwitchesUser ? RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], asServiceUser: false, cancellationToken) : Task.CompletedTask;

    /// <summary>Runs a program to completion; a non-zero exit throws with everything it printed.</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, bool asServiceUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServiceUser && SwitchesUser)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", ServiceUser, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {Timeout.TotalSeconds} s");
        }

        var text = await output.ConfigureAwait(false) + await error.ConfigureAwait(false);
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text.Trim()}");
    }
}
