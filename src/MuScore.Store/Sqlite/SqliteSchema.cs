namespace MuScore.Store.Sqlite;

/// <summary>
/// The SQLite schema, version <see cref="Version"/> (docs/storage.md). STRICT tables enforce the
/// column types; times are UTC ticks; ratings refer to their run by the integer run_key, which
/// keeps a million-row run's indexes small.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            applied_at INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS runs (
            run_key INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL UNIQUE,
            region TEXT NOT NULL,
            year INTEGER NOT NULL,
            scheme_id TEXT NOT NULL,
            scheme_version TEXT NOT NULL,
            scheme_hash TEXT NOT NULL,
            input_hash TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            record_count INTEGER NOT NULL,
            rated_count INTEGER NOT NULL,
            excluded_count INTEGER NOT NULL,
            rejected_count INTEGER NOT NULL,
            pools TEXT NOT NULL,
            rejected TEXT NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS runs_by_time ON runs (created_at DESC, run_id);
        CREATE TABLE IF NOT EXISTS ratings (
            run_key INTEGER NOT NULL,
            credit_code TEXT NOT NULL,
            status INTEGER NOT NULL,
            pool TEXT,
            class INTEGER,
            industry TEXT NOT NULL,
            rank INTEGER,
            payload BLOB NOT NULL,
            PRIMARY KEY (run_key, credit_code)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS ratings_listing ON ratings (run_key, status, pool, rank, credit_code);
        CREATE TABLE IF NOT EXISTS publications (
            region TEXT NOT NULL,
            year INTEGER NOT NULL,
            version INTEGER NOT NULL,
            run_id TEXT NOT NULL,
            published_at INTEGER NOT NULL,
            PRIMARY KEY (region, year, version)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS publications_by_run ON publications (run_id);
        INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES (1, @now);
        SELECT MAX(version) FROM schema_version;
        """;
}
