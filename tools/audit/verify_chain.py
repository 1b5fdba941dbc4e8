"""Re-verifies a MuScore audit chain in a SQLite store without MuScore (docs/audit.md).

usage: python3 verify_chain.py STORE.db
Prints "intact: N entries, head HASH" and exits 0, or names the first problem and exits 1.
Standard library only; for PostgreSQL run the same loop over the same SELECT with any driver.
"""
import datetime, hashlib, pathlib, sqlite3, sys

def field(value):
    """'-' for NULL, else '+', the UTF-8 byte length, ':' and the text (numbers in decimal)."""
    if value is None:
        return b"-"
    data = str(value).encode("utf-8")
    return b"+%d:" % len(data) + data

def iso(ticks):
    """recorded_at (100 ns ticks since 0001-01-01 UTC) as 2025-03-01T08:30:15.1234567Z."""
    t = datetime.datetime(1, 1, 1) + datetime.timedelta(microseconds=ticks // 10)
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{t.microsecond:06d}{ticks % 10}Z"

def entry_hash(sequence, kind, ticks, caller, region, year, run_id, version, reason, detail, previous_hash):
    values = (sequence, kind, iso(ticks), caller, region, year, run_id, version, reason, detail, previous_hash)
    return hashlib.sha256(b"\n".join([b"muscore-audit-1"] + [field(v) for v in values])).hexdigest()

def verify(path):
    db = sqlite3.connect(pathlib.Path(path).absolute().as_uri() + "?mode=ro", uri=True)  # reads only
    expected, previous = 1, "0" * 64
    for row in db.execute("SELECT sequence, kind, recorded_at, caller, region, year, run_id, version,"
                          " reason, detail, previous_hash, hash FROM audit_log ORDER BY sequence"):
        *fields, stored_previous, stored_hash = row
        if row[0] != expected:
            return f"entry {expected} is missing"
        if stored_previous != previous:
            return f"entry {expected} is not chained to entry {expected - 1}"
        if entry_hash(*fields, stored_previous) != stored_hash:
            return f"entry {expected} does not match its hash"
        expected, previous = expected + 1, stored_hash
    if db.execute("SELECT sequence, hash FROM audit_head").fetchone() != (expected - 1, previous):
        return "the head does not match the last entry"
    print(f"intact: {expected - 1} entries, head {previous}")
    return None

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    problem = verify(sys.argv[1])
    if problem:
        print(f"broken: {problem}", file=sys.stderr)
        sys.exit(1)
