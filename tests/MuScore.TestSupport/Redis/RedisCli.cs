using System.Diagnostics;

namespace MuScore.TestSupport.Redis;

/// <summary>redis-cli (Debian package redis-tools, installed with redis-server), as an operator would use it.</summary>
internal static class RedisCli
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(Executable("redis-cli"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-cli");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new InvalidOperationException($"redis-cli {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s");
        }

        var output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}{await stderr.ConfigureAwait(false)}");
        }

        return output;
    }

    public static string Executable(string name)
    {
        SystemPackages.Ensure("redis-server", () => Find(name) is not null);
        return Find(name) ?? throw new InvalidOperationException(
            $"{name} was not found on PATH; the Redis tests need it: install it with `apt-get install -y redis-server`");
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
