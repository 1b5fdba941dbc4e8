using System.Data.Common;
using System.Globalization;

namespace MuScore.Store.Sql;

internal abstract partial class SqlRatingStore
{
    /// <summary>
    /// Brings the schema to the script's version inside the caller's transaction (which holds the
    /// provider's lock, so two instances never migrate at once): runs every step from the recorded
    /// version on and records each version it reaches. A database newer than the build is refused.
    /// </summary>
    /// <returns>The version the database had before (0 for a new one).</returns>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this build's.</exception>
    protected static async Task<int> MigrateAsync(DbConnection connection, DbTransaction transaction, SchemaScript script, CancellationToken cancellationToken)
    {
        await using (var table = Command(connection, transaction, script.VersionTable))
        {
            await table.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var read = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > script.Version)
        {
            throw new InvalidOperationException($"the database has schema version {current}; this build of MuScore reads version {script.Version} only");
        }

        for (var version = current; version < script.Version; version++)
        {
            await using (var step = Command(connection, transaction, script.Steps[version]))
            {
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = Command(
                connection,
                transaction,
                "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now)",
                ("@version", version + 1),
                ("@now", DateTimeOffset.UtcNow.UtcTicks));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return current;
    }
}
