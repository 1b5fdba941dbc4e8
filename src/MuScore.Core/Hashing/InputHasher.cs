using System.Security.Cryptography;
using MuScore.Core.Records;

namespace MuScore.Core.Hashing;

/// <summary>
/// The content hash of an input table: SHA-256 over every row's trimmed cells in canonical field
/// order (unit separator between cells, record separator after each row; see
/// <see cref="CanonicalRow"/>), in input order. The same data gives the same hash whether it came
/// as CSV, GB18030 CSV, .xlsx or over gRPC, and whatever the column order or header language.
/// </summary>
public sealed class InputHasher : IDisposable
{
    private const int FlushAt = 1 << 16;

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // Cells are gathered into one buffer so the hash sees few large blocks, not 27 tiny ones per row.
    private byte[] buffer = new byte[FlushAt];
    private int used;

    /// <summary>Adds one row.</summary>
    public void Append(IRawRow row)
    {
        CanonicalRow.Append(row, ref buffer, ref used);
        if (used >= FlushAt)
        {
            Flush();
        }
    }

    /// <summary>Adds rows already encoded by <see cref="CanonicalRow.Append"/>, in input order.</summary>
    public void AppendCanonical(ReadOnlySpan<byte> rows)
    {
        Flush();
        hash.AppendData(rows);
    }

    /// <summary>The lower-case hex SHA-256 of the rows appended so far.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <inheritdoc/>
    public void Dispose() => hash.Dispose();

    private void Flush()
    {
        hash.AppendData(buffer, 0, used);
        used = 0;
    }
}
