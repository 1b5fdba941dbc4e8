using System.Security.Cryptography;
using System.Text;
using MuScore.Core.Records;

namespace MuScore.Core.Hashing;

/// <summary>
/// The content hash of an input table: SHA-256 over every row's trimmed cells in canonical field
/// order (unit separator between cells, record separator after each row), in input order. The
/// same data gives the same hash whether it came as CSV, GB18030 CSV, .xlsx or over gRPC, and
/// whatever the column order or header language.
/// </summary>
public sealed class InputHasher : IDisposable
{
    private const byte UnitSeparator = 0x1f;
    private const byte RecordSeparator = 0x1e;

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    // Cells are gathered into one buffer so the hash sees few large blocks, not 27 tiny ones per row.
    private readonly byte[] buffer = new byte[1 << 16];
    private int used;

    /// <summary>Adds one row.</summary>
    public void Append(IRawRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var i = 0; i < FieldCatalog.Count; i++)
        {
            var cell = row.Cell((Field)i).Trim();
            var room = Encoding.UTF8.GetMaxByteCount(cell.Length) + 1;
            if (buffer.Length - used < room)
            {
                Flush();
            }

            if (room > buffer.Length)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(cell.ToString()));
            }
            else
            {
                used += Encoding.UTF8.GetBytes(cell, buffer.AsSpan(used));
            }

            buffer[used++] = i == FieldCatalog.Count - 1 ? RecordSeparator : UnitSeparator;
        }
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
