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
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] buffer = new byte[4096];

    /// <summary>Adds one row.</summary>
    public void Append(IRawRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var i = 0; i < FieldCatalog.Count; i++)
        {
            var cell = row.Cell((Field)i).Trim();
            if (Encoding.UTF8.GetMaxByteCount(cell.Length) <= buffer.Length)
            {
                hash.AppendData(buffer, 0, Encoding.UTF8.GetBytes(cell, buffer));
            }
            else
            {
                hash.AppendData(Encoding.UTF8.GetBytes(cell.ToString()));
            }

            hash.AppendData(i == FieldCatalog.Count - 1 ? "\u001e"u8 : "\u001f"u8);
        }
    }

    /// <summary>The lower-case hex SHA-256 of the rows appended so far.</summary>
    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <inheritdoc/>
    public void Dispose() => hash.Dispose();
}
