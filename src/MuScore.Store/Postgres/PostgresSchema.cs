using MuScore.Store.Sql;

namespace MuScore.Store.Postgres;

/// <summary>
/// The PostgreSQL schema, version 3 (docs/storage.md): the same tables as SQLite. Text keys use the
/// "C" collation so ordering is by code point, as in SQLite and .NET's ordinal comparison, whatever
/// the database's locale.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Taken (transaction-scoped) before the script runs, so instances starting together do not race on DDL.</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtextextended('muscore.schema', 0))";

    public static SchemaScript Script { get; } = new(VersionTable, [Version1, Version2, Version3]);

    private const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer PRIMARY KEY,
            applied_at bigint NOT NULL
        );
        """;

    private const string Version1 = """
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
        """;

    // Who and why on runs and publications; the audit log and its head (docs/audit.md).
    private const string Version2 = """
        ALTER TABLE runs ADD COLUMN submitted_by text NOT NULL DEFAULT '';
        ALTER TABLE publications ADD COLUMN published_by text NOT NULL DEFAULT '';
        ALTER TABLE publications ADD COLUMN reason text;
        ALTER TABLE publications ADD COLUMN is_rollback boolean NOT NULL DEFAULT false;
        CREATE TABLE audit_log (
            sequence bigint PRIMARY KEY,
            kind text COLLATE "C" NOT NULL,
            recorded_at bigint NOT NULL,
            caller text COLLATE "C" NOT NULL,
            region text COLLATE "C",
            year integer,
            run_id text COLLATE "C",
            version integer,
            reason text,
            detail text,
            previous_hash text NOT NULL,
            hash text NOT NULL
        );
        CREATE INDEX audit_by_time ON audit_log (recorded_at);
        CREATE TABLE audit_head (
            id smallint PRIMARY KEY CHECK (id = 1),
            sequence bigint NOT NULL,
            hash text NOT NULL
        );
        INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
        """;

    // The review of a region and year (docs/review.md): its notice, draft versions, objections and
    // adjustments, and the submitted records of runs that may be corrected.
    private const string Version3 = """
        CREATE TABLE review_notices (
            region text COLLATE "C" NOT NULL,
            year integer NOT NULL,
            run_id text NOT NULL,
            start_date text NOT NULL,
            end_date text NOT NULL,
            working_days integer NOT NULL,
            started_by text NOT NULL,
            started_at bigint NOT NULL,
            final_version integer,
            PRIMARY KEY (region, year)
        );
        CREATE TABLE review_drafts (
            region text COLLATE "C" NOT NULL,
            year integer NOT NULL,
            draft_version integer NOT NULL,
            run_id text NOT NULL,
            base_run_id text,
            created_by text NOT NULL,
            created_at bigint NOT NULL,
            reason text,
            PRIMARY KEY (region, year, draft_version)
        );
        CREATE TABLE objections (
            objection_id text PRIMARY KEY,
            region text COLLATE "C" NOT NULL,
            year integer NOT NULL,
            credit_code text NOT NULL,
            run_id text NOT NULL,
            filed_by text NOT NULL,
            filed_by_caller text NOT NULL,
            filed_at bigint NOT NULL,
            body text NOT NULL,
            attachments text NOT NULL,
            decision integer NOT NULL DEFAULT 0,
            decision_reason text,
            decided_by text,
            decided_at bigint
        );
        CREATE INDEX objections_by_review ON objections (region, year, filed_at);
        CREATE TABLE adjustments (
            adjustment_id text PRIMARY KEY,
            region text COLLATE "C" NOT NULL,
            year integer NOT NULL,
            credit_code text NOT NULL,
            class integer NOT NULL,
            reason text NOT NULL,
            proposed_by text NOT NULL,
            proposed_at bigint NOT NULL,
            approved_by text,
            approved_at bigint
        );
        CREATE INDEX adjustments_by_review ON adjustments (region, year, proposed_at);
        CREATE TABLE run_inputs (
            run_id text PRIMARY KEY,
            header bytea NOT NULL,
            records bytea NOT NULL
        );
        """;
}
