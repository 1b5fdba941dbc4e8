namespace MuScore.Store.Tests.Migration;

/// <summary>
/// The step to schema version 2 (who and why, the audit log) as the second release shipped it,
/// copied here so the migration to version 3 is tested against what databases in the field hold.
/// </summary>
internal static class V2Schema
{
    public const string Sqlite = """
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
        INSERT INTO schema_version (version, applied_at) VALUES (2, 638500000000000000);
        """;

    public const string Postgres = """
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
        INSERT INTO schema_version (version, applied_at) VALUES (2, 638500000000000000);
        """;
}
