using System.Diagnostics;

namespace MuScore.TestSupport;

/// <summary>
/// Installs a missing Debian package that an integration test needs (redis-server, postgresql),
/// so that the README's plain `dotnet test` works on a fresh machine where the tests run as root.
/// Elsewhere it does nothing and the caller reports what to install.
/// </summary>
public static class SystemPackages
{
    private const string LockFile = "/tmp/muscore-test-apt.lock";
    private static readonly Lock Gate = new();

    /// <summary>Installs <paramref name="package"/> when <paramref name="present"/> says it is missing and this is a root shell with apt-get.</summary>
    public static void Ensure(string package, Func<bool> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        if (present() || !OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return;
        }

        lock (Gate)
        {
            // Test projects run in parallel processes: a file lock keeps their apt-get calls apart.
            using var fileLock = AcquireFileLock();
            if (present())
            {
                return;
            }

            Run("apt-get", "update -qq");
            Run("apt-get", $"install -y -qq --no-install-recommends {package}");
        }
    }

    private static FileStream AcquireFileLock()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static void Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {errors.Result}");
        }
    }
}
