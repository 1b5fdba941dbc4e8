using System.Text;

namespace MuScore.Cli.Tests;

/// <summary>The result of running the real command line in-process.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter(new StringBuilder());
        var stderr = new StringWriter(new StringBuilder());
        var code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Fails with the captured output when the exit code is not the expected one.</summary>
    public CliRun Expect(int exitCode)
    {
        Assert.True(exitCode == ExitCode, $"exit code {ExitCode}, expected {exitCode}\nstdout:\n{Out}\nstderr:\n{Error}");
        return this;
    }
}
