using System.Globalization;

namespace MuScore.TestSupport.Postgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres, psql) of the newest installed version.</summary>
internal static class PostgresBinaries
{
    /// <summary>Overrides the search: a directory holding initdb, pg_ctl and psql.</summary>
    public const string OverrideVariable = "MUSCORE_POSTGRES_BIN";

    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The bin directory; throws with the install command when none is found.</summary>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } configured)
        {
            return HasPrograms(configured)
                ? configured
                : throw new InvalidOperationException($"{OverrideVariable}={configured} holds no initdb, pg_ctl and psql.");
        }

        SystemPackages.Ensure("postgresql", () => Newest() is not null);
        return Newest() ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries were not found under {DebianRoot}/<version>/bin. " +
            $"Install them with `apt-get install -y postgresql` (.ci/run does so), or set {OverrideVariable} to their directory.");
    }

    private static string? Newest()
    {
        var newest = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: VersionOf(Path.GetFileName(dir))))
                .Where(candidate => candidate.Version is not null && HasPrograms(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault()
            : null;
        return newest;
    }

    private static bool HasPrograms(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "psql"));

    private static Version? VersionOf(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version
        : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0) : null;
}
