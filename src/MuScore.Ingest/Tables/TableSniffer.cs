namespace MuScore.Ingest;

/// <summary>The first bytes of a stream, read once and handed on so nothing is read twice.</summary>
/// <param name="Bytes">Buffer holding the head; reused afterwards as the CSV byte buffer.</param>
/// <param name="Length">Bytes of the head.</param>
/// <param name="IsWholeStream">Whether the stream ended within the head.</param>
/// <param name="StreamLength">Bytes from the head's start to the stream's end, or -1 when unknown.</param>
internal sealed record SniffedHead(byte[] Bytes, int Length, bool IsWholeStream, long StreamLength)
{
    public ReadOnlySpan<byte> Span => Bytes.AsSpan(0, Length);
}

/// <summary>Decides what a stream holds from its content, never from its file name.</summary>
internal static class TableSniffer
{
    private static ReadOnlySpan<byte> ZipLocalHeader => "PK\x03\x04"u8;

    private static ReadOnlySpan<byte> ZipEmptyArchive => "PK\x05\x06"u8;

    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Opens the right source for the stream; throws <see cref="TableFormatException"/> for what is no table.</summary>
    public static ITableSource Open(Stream stream, bool ownsStream, string displayName, TableReadOptions options)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        var head = ReadHead(stream, start);
        if (head.Length == 0)
        {
            throw TableFormatException.For(displayName, "the file is empty (no header row)");
        }

        if (head.Span.StartsWith(ZipLocalHeader) || head.Span.StartsWith(ZipEmptyArchive))
        {
            if (options.CsvOnly)
            {
                throw TableFormatException.For(displayName, "is a zip archive (an .xlsx workbook?), and only CSV text is accepted here");
            }

            var (zip, ownsZip) = Rewind(stream, ownsStream, start, head);
            return XlsxSheetSource.Open(zip, ownsZip, displayName, options.Sheet);
        }

        if (head.Span.StartsWith(Ole2Signature))
        {
            throw TableFormatException.For(displayName, "is a legacy .xls workbook (or a password-protected one); save it as .xlsx or CSV");
        }

        var encoding = EncodingDetector.Detect(head.Span, head.IsWholeStream, options.Encoding);
        if (encoding.BomLength != 2 && EncodingDetector.LooksBinary(head.Span))
        {
            throw TableFormatException.For(displayName, "is a binary file, not CSV text or an .xlsx workbook");
        }

        return new CsvParser(stream, ownsStream, head, encoding, options.Delimiter, displayName);
    }

    private static SniffedHead ReadHead(Stream stream, long start)
    {
        var buffer = new byte[EncodingDetector.SampleSize];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        var whole = length < buffer.Length;
        var streamLength = stream.CanSeek ? stream.Length - start : whole ? length : -1;
        return new SniffedHead(buffer, length, whole, streamLength);
    }

    /// <summary>A zip needs seeking from offset 0: rewind such a stream, else copy it into memory.</summary>
    private static (Stream Stream, bool Owned) Rewind(Stream stream, bool ownsStream, long start, SniffedHead head)
    {
        if (stream.CanSeek && start == 0)
        {
            stream.Position = 0;
            return (stream, ownsStream);
        }

        var copy = new MemoryStream();
        copy.Write(head.Span);
        stream.CopyTo(copy);
        if (ownsStream)
        {
            stream.Dispose();
        }

        copy.Position = 0;
        return (copy, true);
    }
}
