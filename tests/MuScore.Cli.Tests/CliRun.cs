using System.Text;

namespace MuScore.Cli.Tests;

/// <summary>The result of running the real command line in-process.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>
    /// Runs with an empty environment for the variables that stand in for options
    /// (MUSCORE_TOKEN, ...), so that the machine's own settings cannot change a test.
    /// </summary>
    public static CliRun Of(params string[] args) => WithEnvironment(new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> as the only environment variables the options see.</summary>
    public static CliRun WithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter(new StringBuilder());
        var stderr = new StringWriter(new StringBuilder());
        var code = CliApp.Run(args, stdout, stderr, name => environment.TryGetValue(name, out var value) ? value : null, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Fails with the captured output when the exit code is not the expected one.</summary>
    public CliRun Expect(int exitCode)
    {
        Assert.True(exitCode == ExitCode, $"exit code {ExitCode}, expected {exitCode}\nstdout:\n{Out}\nstderr:\n{Error}");
        return this;
    }
}
