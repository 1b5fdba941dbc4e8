namespace MuScore.Store.Tests.Migration;

/// <summary>
/// The schema of the first release (version 1), copied here as it shipped so the migration is
/// tested against what databases in the field hold, not against today's code.
/// </summary>
internal static class V1Schema
{
    public const string Sqlite = """
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
        INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES (1, 638000000000000000);
        """;

    public const string Postgres = """
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
        INSERT INTO schema_version (version, applied_at) VALUES (1, 638000000000000000) ON CONFLICT DO NOTHING;
        """;

    /// <summary>A run and its publication as the first release wrote them (portable SQL).</summary>
    public const string RunAndPublication = """
        INSERT INTO runs (run_id, region, year, scheme_id, scheme_version, scheme_hash, input_hash, created_at,
            record_count, rated_count, excluded_count, rejected_count, pools, rejected)
        VALUES ('v1-run', '331082', 2024, 'zj-standard', '2024.1', 'scheme-hash', 'input-v1', 638764698150000000,
            4, 2, 1, 1, '[{"pool":"ABOVE","size":2,"a":1,"b":1,"c":0,"d":0}]',
            '[{"record":3,"credit_code":"BAD","violations":[{"field":"tax","rule":"required","description":"tax is blank"}]}]');
        INSERT INTO publications (region, year, version, run_id, published_at) VALUES ('331082', 2024, 1, 'v1-run', 638765562150000000);
        """;
}
