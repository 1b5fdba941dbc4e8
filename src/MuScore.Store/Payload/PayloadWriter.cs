using System.Buffers.Binary;
using System.Text;

namespace MuScore.Store.Payload;

/// <summary>
/// Appends little-endian primitives to a reusable buffer. Doubles are written as their 8 IEEE
/// bytes and decimals as their 16 bytes (<see cref="decimal.GetBits(decimal, Span{int})"/>), so
/// both round-trip bit for bit, scale included (2.25 stays 2.25, 2.250 stays 2.250).
/// </summary>
internal sealed class PayloadWriter
{
    private byte[] buffer = new byte[512];
    private int length;

    /// <summary>Forgets what was written; the buffer is kept for the next payload.</summary>
    public void Reset() => length = 0;

    /// <summary>Bytes written since <see cref="Reset"/>.</summary>
    public int Length => length;

    /// <summary>The bytes written since <see cref="Reset"/>, in place: valid until the next write or reset.</summary>
    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    /// <summary>The same bytes as a span.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    /// <summary>A copy of the bytes written since <see cref="Reset"/>.</summary>
    public byte[] ToArray() => buffer.AsSpan(0, length).ToArray();

    public void Byte(byte value) => Room(1)[0] = value;

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Room(4), value);

    public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Room(8), value);

    public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Room(8), value);

    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        _ = decimal.GetBits(value, bits);
        var target = Room(16);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(target[(4 * i)..], bits[i]);
        }
    }

    public void NullableDouble(double? value)
    {
        Bool(value.HasValue);
        if (value is { } v)
        {
            Double(v);
        }
    }

    public void NullableDecimal(decimal? value)
    {
        Bool(value.HasValue);
        if (value is { } v)
        {
            Decimal(v);
        }
    }

    public void NullableInt32(int? value)
    {
        Bool(value.HasValue);
        if (value is { } v)
        {
            Int32(v);
        }
    }

    public void String(string value) => Text(value, 0);

    /// <summary>The UTF-8 of <paramref name="text"/> alone, without a length: for bytes the caller slices out by position.</summary>
    public void Utf8(ReadOnlySpan<char> text) => _ = Encoding.UTF8.GetBytes(text, Room(Encoding.UTF8.GetByteCount(text)));

    /// <summary>A string that may be null: its length is written plus one, and 0 means null.</summary>
    public void NullableString(string? value)
    {
        if (value is null)
        {
            VarUInt(0);
            return;
        }

        Text(value, 1);
    }

    private void Text(string value, uint lengthOffset)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        VarUInt(checked((uint)byteCount + lengthOffset));
        _ = Encoding.UTF8.GetBytes(value, Room(byteCount));
    }

    private void VarUInt(uint value)
    {
        while (value >= 0x80)
        {
            Byte(unchecked((byte)(value | 0x80)));
            value >>= 7;
        }

        Byte((byte)value);
    }

    private Span<byte> Room(int count)
    {
        if (buffer.Length - length < count)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + count));
        }

        var span = buffer.AsSpan(length, count);
        length += count;
        return span;
    }
}
