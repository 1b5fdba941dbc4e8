using System.Buffers.Binary;
using System.Text;

namespace MuScore.Store.Payload;

/// <summary>Reads what <see cref="PayloadWriter"/> wrote; a short or malformed payload throws <see cref="InvalidDataException"/>.</summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private readonly ReadOnlySpan<byte> payload = payload;
    private int position;

    public readonly bool AtEnd => position == payload.Length;

    public byte Byte() => Take(1)[0];

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var b => throw new InvalidDataException($"rating payload: byte {b} at offset {position - 1} is not a boolean"),
    };

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public decimal Decimal()
    {
        var source = Take(16);
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(source[(4 * i)..]);
        }

        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"rating payload: invalid decimal at offset {position - 16}", e);
        }
    }

    public double? NullableDouble() => Bool() ? Double() : null;

    public decimal? NullableDecimal() => Bool() ? Decimal() : null;

    public int? NullableInt32() => Bool() ? Int32() : null;

    public string String() => Encoding.UTF8.GetString(Take(checked((int)VarUInt())));

    public string? NullableString()
    {
        var length = VarUInt();
        return length == 0 ? null : Encoding.UTF8.GetString(Take(checked((int)(length - 1))));
    }

    private uint VarUInt()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Byte();
            value |= (uint)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException($"rating payload: length at offset {position} is too long");
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || payload.Length - position < count)
        {
            throw new InvalidDataException($"rating payload is truncated: {count} bytes wanted at offset {position} of {payload.Length}");
        }

        var span = payload.Slice(position, count);
        position += count;
        return span;
    }
}
