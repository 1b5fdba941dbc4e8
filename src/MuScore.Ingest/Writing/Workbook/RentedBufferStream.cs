using System.Buffers;

namespace MuScore.Ingest;

/// <summary>
/// A write-only stream into an array rented from <see cref="ArrayPool{T}.Shared"/>: the compressed
/// blocks of a sheet would otherwise be a thousand large-object arrays per million rows, which the
/// collector frees late and which showed as resident memory.
/// </summary>
internal sealed class RentedBufferStream(int capacity) : Stream
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
    private int length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    /// <summary>The rented array (the caller returns it to the pool) and the bytes written into it.</summary>
    public (byte[] Buffer, int Length) Take()
    {
        var taken = (buffer, length);
        buffer = [];
        length = 0;
        return taken;
    }

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        if (buffer.Length - length < bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + bytes.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            Release();
            buffer = larger;
        }

        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    private void Release()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = [];
    }
}
