using MuScore.Store.Sql;

namespace MuScore.Store.Sqlite;

/// <summary>
/// The SQLite schema, version 3 (docs/storage.md). STRICT tables enforce the column types; times
/// are UTC ticks; ratings refer to their run by the integer run_key, which keeps a million-row
/// run's indexes small.
/// </summary>
internal static class SqliteSchema
{
    public static SchemaScript Script { get; } = new(VersionTable, [Version1, Version2, Version3]);

    private const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY,
            applied_at INTEGER NOT NULL
        ) STRICT;
        """;

    private const string Version1 = """
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
        """;

    // Who and why on runs and publications; the audit log and its head (docs/audit.md).
    private const string Version2 = """
        ALTER TABLE runs ADD COLUMN submitted_by TEXT NOT NULL DEFAULT '';
        ALTER TABLE publications ADD COLUMN published_by TEXT NOT NULL DEFAULT '';
        ALTER TABLE publications ADD COLUMN reason TEXT;
        ALTER TABLE publications ADD COLUMN is_rollback INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE audit_log (
            sequence INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            caller TEXT NOT NULL,
            region TEXT,
            year INTEGER,
            run_id TEXT,
            version INTEGER,
            reason TEXT,
            detail TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_by_time ON audit_log (recorded_at);
        CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            sequence INTEGER NOT NULL,
            hash TEXT NOT NULL
        ) STRICT;
        INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
        """;

    // The review of a region and year (docs/review.md): its notice, draft versions, objections and
    // adjustments, and the submitted records of runs that may be corrected.
    private const string Version3 = """
        CREATE TABLE review_notices (
            region TEXT NOT NULL,
            year INTEGER NOT NULL,
            run_id TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            working_days INTEGER NOT NULL,
            started_by TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            final_version INTEGER,
            PRIMARY KEY (region, year)
        ) STRICT;
        CREATE TABLE review_drafts (
            region TEXT NOT NULL,
            year INTEGER NOT NULL,
            draft_version INTEGER NOT NULL,
            run_id TEXT NOT NULL,
            base_run_id TEXT,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            reason TEXT,
            PRIMARY KEY (region, year, draft_version)
        ) STRICT;
        CREATE TABLE objections (
            objection_id TEXT PRIMARY KEY,
            region TEXT NOT NULL,
            year INTEGER NOT NULL,
            credit_code TEXT NOT NULL,
            run_id TEXT NOT NULL,
            filed_by TEXT NOT NULL,
            filed_by_caller TEXT NOT NULL,
            filed_at INTEGER NOT NULL,
            body TEXT NOT NULL,
            attachments TEXT NOT NULL,
            decision INTEGER NOT NULL DEFAULT 0,
            decision_reason TEXT,
            decided_by TEXT,
            decided_at INTEGER
        ) STRICT;
        CREATE INDEX objections_by_review ON objections (region, year, filed_at);
        CREATE TABLE adjustments (
            adjustment_id TEXT PRIMARY KEY,
            region TEXT NOT NULL,
            year INTEGER NOT NULL,
            credit_code TEXT NOT NULL,
            class INTEGER NOT NULL,
            reason TEXT NOT NULL,
            proposed_by TEXT NOT NULL,
            proposed_at INTEGER NOT NULL,
            approved_by TEXT,
            approved_at INTEGER
        ) STRICT;
        CREATE INDEX adjustments_by_review ON adjustments (region, year, proposed_at);
        CREATE TABLE run_inputs (
            run_id TEXT PRIMARY KEY,
            header BLOB NOT NULL,
            records BLOB NOT NULL
        ) STRICT;
        """;
}
