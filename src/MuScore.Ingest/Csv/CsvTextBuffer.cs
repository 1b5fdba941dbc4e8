using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// Decoded text of a CSV stream in one reusable, growing char buffer: <see cref="Fill"/> moves the
/// chars the parser still needs to the front and decodes more after them.
/// </summary>
internal sealed class CsvTextBuffer
{
    private const int MinimumFree = 4096;

    private readonly Stream stream;
    private readonly Decoder decoder;
    private readonly byte[] bytes;
    private int byteStart;
    private int byteEnd;
    private bool streamDone;
    private bool decodeDone;
    private long bytesRead;

    /// <summary>Starts with the already-read head of the stream; <paramref name="skip"/> bytes of BOM are dropped.</summary>
    public CsvTextBuffer(Stream stream, Encoding encoding, byte[] head, int headLength, int skip, bool headIsWholeStream)
    {
        this.stream = stream;
        decoder = encoding.GetDecoder();
        bytes = head;
        byteStart = skip;
        byteEnd = headLength;
        bytesRead = headLength;
        streamDone = headIsWholeStream;
        Chars = new char[64 * 1024];
    }

    /// <summary>The decoded chars; valid from 0 to <see cref="End"/>.</summary>
    public char[] Chars { get; private set; }

    /// <summary>End of the decoded chars.</summary>
    public int End { get; private set; }

    /// <summary>Bytes read from the stream and handed to the decoder.</summary>
    public long BytesConsumed => bytesRead - (byteEnd - byteStart);

    /// <summary>
    /// Line ends between the start of the text not yet parsed and the byte <paramref name="invalid"/>
    /// stopped at: those in the chars decoded and not yet parsed, and, for an encoding in which a
    /// 0x0A byte is always a line feed (UTF-8, GB18030), those in the bytes decoded before it.
    /// </summary>
    public int LineEndsBefore(DecoderFallbackException invalid, bool asciiCompatible)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var count = Chars.AsSpan(0, End).Count('\n');
        if (asciiCompatible && invalid.Index > 0 && invalid.Index <= byteEnd - byteStart)
        {
            count += bytes.AsSpan(byteStart, invalid.Index).Count((byte)'\n');
        }

        return count;
    }

    /// <summary>
    /// Moves the chars from <paramref name="keep"/> on to the front of the buffer, then decodes more
    /// after them. Returns false when the text has ended. Throws
    /// <see cref="DecoderFallbackException"/> on bytes invalid in the encoding.
    /// </summary>
    public bool Fill(int keep)
    {
        var kept = End - keep;
        if (keep > 0)
        {
            Array.Copy(Chars, keep, Chars, 0, kept);
            End = kept;
        }

        if (decodeDone)
        {
            return false;
        }

        if (Chars.Length - End < MinimumFree)
        {
            var larger = new char[Chars.Length * 2];
            Array.Copy(Chars, larger, End);
            Chars = larger;
        }

        while (true)
        {
            if (byteStart == byteEnd && !streamDone)
            {
                var read = stream.Read(bytes, 0, bytes.Length);
                byteStart = 0;
                byteEnd = read;
                bytesRead += read;
                streamDone = read == 0;
            }

            decoder.Convert(
                bytes, byteStart, byteEnd - byteStart, Chars, End, Chars.Length - End,
                streamDone, out var bytesUsed, out var charsUsed, out var completed);
            byteStart += bytesUsed;
            End += charsUsed;
            decodeDone = streamDone && byteStart == byteEnd && completed;
            if (charsUsed > 0)
            {
                return true;
            }

            if (decodeDone)
            {
                return false;
            }
        }
    }
}
