using System.Text;
using MuScore.Core.Records;

namespace MuScore.Core.Hashing;

/// <summary>
/// The bytes <see cref="InputHasher"/> hashes for one row: every field's trimmed cell in UTF-8, in
/// canonical field order, a unit separator between cells and a record separator after the last.
/// Public so that a loader can encode blocks of rows on several threads and hash them in order.
/// </summary>
public static class CanonicalRow
{
    private const byte UnitSeparator = 0x1f;
    private const byte RecordSeparator = 0x1e;

    /// <summary>
    /// Appends the canonical bytes of <paramref name="row"/> to <paramref name="buffer"/> at
    /// <paramref name="used"/>, growing the buffer when a row does not fit.
    /// </summary>
    public static void Append(IRawRow row, ref byte[] buffer, ref int used)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var i = 0; i < FieldCatalog.Count; i++)
        {
            var cell = row.Cell((Field)i).Trim();
            var room = Encoding.UTF8.GetMaxByteCount(cell.Length) + 1;
            if (buffer.Length - used < room)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + room));
            }

            used += Encoding.UTF8.GetBytes(cell, buffer.AsSpan(used));
            buffer[used++] = i == FieldCatalog.Count - 1 ? RecordSeparator : UnitSeparator;
        }
    }
}
