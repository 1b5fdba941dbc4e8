using System.Buffers.Binary;

namespace MuScore.Ingest;

/// <summary>
/// Sets every entry of a finished zip archive to 1980-01-01 00:00, the earliest zip time.
/// ZipArchive stamps each entry it creates with the clock and SpreadCheetah offers no way to set
/// it, so without this two writes of the same table differ in their time fields. The archive is
/// navigated through its own directory (end record, then central headers, then the local header
/// each names), never by scanning data for signatures; ZIP64 archives (over 4 GiB) are handled.
/// </summary>
internal static class ZipEntryTimes
{
    private const int EndSize = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>DOS time 00:00:00 and DOS date 1980-01-01 (year 0 from 1980, month 1, day 1).</summary>
    private static readonly byte[] FixedTimeAndDate = [0, 0, 0x21, 0];

    /// <summary>Rewrites the time fields of the archive that ends at the end of <paramref name="stream"/>.</summary>
    public static void Fix(Stream stream)
    {
        var (entries, directoryOffset, directorySize) = ReadEnd(stream);
        var directory = new byte[checked((int)directorySize)];
        stream.Position = directoryOffset;
        stream.ReadExactly(directory);
        var at = 0;
        for (var i = 0L; i < entries; i++)
        {
            var header = directory.AsSpan(at);
            Expect(header, ZipRecords.CentralSignature, "central directory header");
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            if (localOffset == uint.MaxValue)
            {
                localOffset = Zip64LocalOffset(header, header.Slice(46 + nameLength, extraLength));
            }

            FixedTimeAndDate.CopyTo(header[12..]);
            FixLocalHeader(stream, localOffset);
            at += 46 + nameLength + extraLength + commentLength;
        }

        stream.Position = directoryOffset;
        stream.Write(directory);
        stream.Seek(0, SeekOrigin.End);
    }

    private static (long Entries, long DirectoryOffset, long DirectorySize) ReadEnd(Stream stream)
    {
        var tailLength = (int)Math.Min(stream.Length, EndSize + MaxCommentLength);
        var tail = new byte[tailLength];
        stream.Position = stream.Length - tailLength;
        stream.ReadExactly(tail);
        for (var at = tailLength - EndSize; at >= 0; at--)
        {
            var end = tail.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(end) != ZipRecords.EndSignature || BinaryPrimitives.ReadUInt16LittleEndian(end[20..]) != tailLength - at - EndSize)
            {
                continue;
            }

            long entries = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
            if (entries != ushort.MaxValue && size != uint.MaxValue && offset != uint.MaxValue)
            {
                return (entries, offset, size);
            }

            // ZIP64: a locator just before the end record names the ZIP64 end record.
            var endPosition = stream.Length - tailLength + at;
            var locator = new byte[20];
            stream.Position = endPosition - locator.Length;
            stream.ReadExactly(locator);
            Expect(locator, ZipRecords.Zip64LocatorSignature, "ZIP64 end locator");
            var zip64End = new byte[56];
            stream.Position = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8)));
            stream.ReadExactly(zip64End);
            Expect(zip64End, ZipRecords.Zip64EndSignature, "ZIP64 end record");
            return (
                checked((long)BinaryPrimitives.ReadUInt64LittleEndian(zip64End.AsSpan(32))),
                checked((long)BinaryPrimitives.ReadUInt64LittleEndian(zip64End.AsSpan(48))),
                checked((long)BinaryPrimitives.ReadUInt64LittleEndian(zip64End.AsSpan(40))));
        }

        throw new InvalidDataException("The written archive has no end of central directory record.");
    }

    /// <summary>The local header offset from the ZIP64 extra field, which lists only the sizes that overflowed, in a fixed order.</summary>
    private static long Zip64LocalOffset(ReadOnlySpan<byte> header, ReadOnlySpan<byte> extra)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (id == 1)
            {
                var at = 4;
                at += BinaryPrimitives.ReadUInt32LittleEndian(header[24..]) == uint.MaxValue ? 8 : 0; // uncompressed size
                at += BinaryPrimitives.ReadUInt32LittleEndian(header[20..]) == uint.MaxValue ? 8 : 0; // compressed size
                return checked((long)BinaryPrimitives.ReadUInt64LittleEndian(extra[at..]));
            }

            extra = extra[Math.Min(extra.Length, 4 + length)..];
        }

        throw new InvalidDataException("A ZIP64 central directory header lacks its ZIP64 extra field.");
    }

    private static void FixLocalHeader(Stream stream, long offset)
    {
        Span<byte> signature = stackalloc byte[4];
        stream.Position = offset;
        stream.ReadExactly(signature);
        Expect(signature, ZipRecords.LocalSignature, "local file header");
        stream.Position = offset + 10;
        stream.Write(FixedTimeAndDate);
    }

    private static void Expect(ReadOnlySpan<byte> record, uint signature, string what)
    {
        if (record.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(record) != signature)
        {
            throw new InvalidDataException($"The written archive has no {what} where its directory points.");
        }
    }
}
