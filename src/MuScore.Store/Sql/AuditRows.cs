using System.Data.Common;
using MuScore.Store.Audit;

namespace MuScore.Store.Sql;

/// <summary>Maps audit_log rows to entries and back (docs/audit.md).</summary>
internal static class AuditRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "sequence, kind, recorded_at, caller, region, year, run_id, version, reason, detail, previous_hash, hash";

    public const string Insert =
        $"INSERT INTO audit_log ({Columns}) VALUES (@sequence, @kind, @at, @caller, @region, @year, @run, @version, @reason, @detail, @previous, @hash)";

    /// <summary>The chain's end as the store last wrote it (one row, id 1).</summary>
    public const string ReadHead = "SELECT sequence, hash FROM audit_head WHERE id = 1";

    public const string WriteHead = "UPDATE audit_head SET sequence = @sequence, hash = @hash WHERE id = 1";

    /// <exception cref="ArgumentOutOfRangeException">The stored time is not a valid instant.</exception>
    public static AuditEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        new AuditRecord(
            reader.GetString(1),
            RunRows.FromTicks(reader.GetInt64(2)),
            reader.GetString(3),
            NullableText(reader, 4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5),
            NullableText(reader, 6),
            reader.IsDBNull(7) ? null : reader.GetInt32(7),
            NullableText(reader, 8),
            NullableText(reader, 9)),
        reader.GetString(10),
        reader.GetString(11));

    public static (string Name, object? Value)[] InsertParameters(AuditEntry entry) =>
        [
            ("@sequence", entry.Sequence),
            ("@kind", entry.Record.Kind),
            ("@at", entry.Record.At.UtcTicks),
            ("@caller", entry.Record.Caller),
            ("@region", entry.Record.Region),
            ("@year", entry.Record.Year),
            ("@run", entry.Record.RunId),
            ("@version", entry.Record.Version),
            ("@reason", entry.Record.Reason),
            ("@detail", entry.Record.Detail),
            ("@previous", entry.PreviousHash),
            ("@hash", entry.Hash),
        ];

    private static string? NullableText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
