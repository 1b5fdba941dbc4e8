using System.Threading.Channels;

namespace MuScore.Server.Evaluation;

/// <summary>
/// The table parts of a SubmitRun as one read-only stream, in order, for the table reader. The
/// parts are the request messages' own bytes (a protobuf <c>ByteString</c> is immutable), handed
/// over through a bounded channel, so the file is never held whole. <see cref="Read(Span{byte})"/>
/// blocks until a part arrives: use it from a thread of its own, not a thread-pool worker.
/// </summary>
internal sealed class TablePartStream(ChannelReader<ReadOnlyMemory<byte>> parts) : Stream
{
    private ReadOnlyMemory<byte> current;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    /// <summary>Copies from the current part, waiting for the next when it is used up; 0 at the end of the parts. A channel completed with an error throws it.</summary>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (current.IsEmpty)
        {
            if (parts.TryRead(out var next))
            {
                current = next;
                continue;
            }

            if (!parts.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                return 0;
            }
        }

        var length = Math.Min(buffer.Length, current.Length);
        current.Span[..length].CopyTo(buffer);
        current = current[length..];
        position += length;
        return length;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
