using System.Buffers.Binary;

namespace MuScore.Ingest;

/// <summary>Bits into a byte span from the low bit up, as deflate packs them; at most 32 bits per call.</summary>
internal ref struct DeflateBitWriter
{
    private readonly Span<byte> output;
    private ulong pending;
    private int count;

    public DeflateBitWriter(Span<byte> output) => this.output = output;

    /// <summary>Resumes writing after <see cref="Suspend"/>: up to 63 bits may be pending, fewer than 8 beyond whole bytes.</summary>
    public DeflateBitWriter(Span<byte> output, int position, ulong pending, int count)
    {
        this.output = output;
        Position = position;
        this.pending = pending;
        this.count = count;
        while (this.count >= 32)
        {
            Write(0, 0);
        }
    }

    /// <summary>Whole bytes written so far.</summary>
    public int Position { get; private set; }

    /// <summary>The state, fewer than 8 bits pending, for a loop that writes bits itself and resumes with the constructor above.</summary>
    public void Suspend(out Span<byte> output, out int position, out ulong pending, out int count)
    {
        // Whole bytes out first: the loop counts on fewer than 8 bits pending.
        while (this.count >= 8)
        {
            this.output[Position++] = unchecked((byte)this.pending);
            this.pending >>= 8;
            this.count -= 8;
        }

        output = this.output;
        position = Position;
        pending = this.pending;
        count = this.count;
    }

    public void Write(uint value, int bits)
    {
        unchecked
        {
            pending |= (ulong)value << count;
            count += bits;
            if (count >= 32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(output[Position..], (uint)pending);
                Position += 4;
                pending >>= 32;
                count -= 32;
            }
        }
    }

    /// <summary>Pads the last byte with zero bits and writes out every pending bit.</summary>
    public void AlignToByte()
    {
        while (count > 0)
        {
            output[Position++] = unchecked((byte)pending);
            pending >>= 8;
            count -= 8;
        }

        pending = 0;
        count = 0;
    }
}
