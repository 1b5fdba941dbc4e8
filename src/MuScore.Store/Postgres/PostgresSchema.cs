namespace MuScore.Store.Postgres;

/// <summary>
/// The PostgreSQL schema, version <see cref="Version"/> (docs/storage.md): the same tables as
/// SQLite. Text keys use the "C" collation so ordering is by code point, as in SQLite and .NET's
/// ordinal comparison, whatever the database's locale.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Taken (transaction-scoped) before <see cref="Create"/>, so instances starting together do not race on DDL.</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtextextended('muscore.schema', 0))";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer PRIMARY KEY,
            applied_at bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS runs (
            run_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id text COLLATE "C" NOT NULL UNIQUE,
            region text COLLATE "C" NOT NULL,
            year integer NOT NULL,
            scheme_id text NOT NULL,
            scheme_version text NOT NULL,
            scheme_hash text NOT NULL,
            input_hash text NOT NULL,
            created_at bigint NOT NULL,
            record_count integer NOT NULL,
            rated_count integer NOT NULL,
            excluded_count integer NOT NULL,
            rejected_count integer NOT NULL,
            pools jsonb NOT NULL,
            rejected jsonb NOT NULL
        );
        CREATE INDEX IF NOT EXISTS runs_by_time ON runs (created_at DESC, run_id);
        CREATE TABLE IF NOT EXISTS ratings (
            run_key bigint NOT NULL,
            credit_code text COLLATE "C" NOT NULL,
            status smallint NOT NULL,
            pool text COLLATE "C",
            class smallint,
            industry text COLLATE "C" NOT NULL,
            rank integer,
            payload bytea NOT NULL,
            PRIMARY KEY (run_key, credit_code)
        );
        CREATE INDEX IF NOT EXISTS ratings_listing ON ratings (run_key, status, pool, rank, credit_code);
        CREATE TABLE IF NOT EXISTS publications (
            region text COLLATE "C" NOT NULL,
            year integer NOT NULL,
            version integer NOT NULL,
            run_id text COLLATE "C" NOT NULL,
            published_at bigint NOT NULL,
            PRIMARY KEY (region, year, version)
        );
        CREATE INDEX IF NOT EXISTS publications_by_run ON publications (run_id);
        INSERT INTO schema_version (version, applied_at) VALUES (1, @now) ON CONFLICT DO NOTHING;
        """;

    public const string CurrentVersion = "SELECT MAX(version) FROM schema_version";
}
