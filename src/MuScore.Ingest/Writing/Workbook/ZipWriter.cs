using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// A zip archive written front to back on a seekable stream: each entry's local header is written
/// first and its CRC and sizes filled in when the entry is done, so no data descriptors are
/// needed. Every entry carries the time 1980-01-01 00:00 (the earliest a zip can hold), so the same
/// content gives the same bytes. Archives past 4 GiB get ZIP64 offsets in the central directory;
/// a single entry must stay under 4 GiB (a sheet of 1,048,575 ratings rows is about 1 GiB).
/// </summary>
internal sealed class ZipWriter
{
    private const ushort Deflated = 8;
    private const ushort Version = 20;
    private const ushort Zip64Version = 45;
    private const int LocalHeaderSize = 30;

    private readonly Stream stream;
    private readonly List<Entry> entries = [];
    private Entry? open;

    public ZipWriter(Stream stream)
    {
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("The zip writer needs a seekable stream.", nameof(stream));
        }

        this.stream = stream;
    }

    /// <summary>Starts an entry of deflated data; write it with <see cref="WriteData"/> and end it with <see cref="EndEntry"/>.</summary>
    public void BeginEntry(string name)
    {
        if (open is not null)
        {
            throw new InvalidOperationException($"Entry {open.Name} is still open.");
        }

        var nameBytes = Encoding.UTF8.GetBytes(name);
        open = new Entry(name, nameBytes, stream.Position);
        Span<byte> header = stackalloc byte[LocalHeaderSize];
        WriteLocalHeader(header, open, nameBytes.Length);
        stream.Write(header);
        stream.Write(nameBytes);
    }

    /// <summary>Compressed bytes of the open entry.</summary>
    public void WriteData(ReadOnlySpan<byte> compressed)
    {
        stream.Write(compressed);
    }

    /// <summary>Ends the open entry: its CRC-32 and sizes go into its local header.</summary>
    public void EndEntry(uint crc, long uncompressedSize)
    {
        var entry = open ?? throw new InvalidOperationException("No entry is open.");
        var end = stream.Position;
        entry.Crc = crc;
        entry.CompressedSize = end - entry.Offset - LocalHeaderSize - entry.NameBytes.Length;
        entry.UncompressedSize = uncompressedSize;
        if (entry.CompressedSize >= uint.MaxValue || uncompressedSize >= uint.MaxValue)
        {
            throw new InvalidOperationException($"Entry {entry.Name} is 4 GiB or more; a sheet must stay smaller.");
        }

        Span<byte> header = stackalloc byte[LocalHeaderSize];
        WriteLocalHeader(header, entry, entry.NameBytes.Length);
        stream.Position = entry.Offset;
        stream.Write(header);
        stream.Position = end;
        entries.Add(entry);
        open = null;
    }

    /// <summary>A whole entry from bytes in memory, deflated at <paramref name="level"/>.</summary>
    public void AddEntry(string name, ReadOnlySpan<byte> content, int level)
    {
        BeginEntry(name);
        WriteData(DeflateBlocks.Compress(content, level, final: true));
        EndEntry(Crc32.HashToUInt32(content), content.Length);
    }

    /// <summary>Writes the central directory and the end records; the archive is complete after this.</summary>
    public void Finish()
    {
        if (open is not null)
        {
            throw new InvalidOperationException($"Entry {open.Name} is still open.");
        }

        var directoryOffset = stream.Position;
        foreach (var entry in entries)
        {
            WriteCentralHeader(entry);
        }

        var directorySize = stream.Position - directoryOffset;
        var zip64 = directoryOffset >= uint.MaxValue || entries.Count >= ushort.MaxValue;
        if (zip64)
        {
            WriteZip64End(directoryOffset, directorySize);
        }

        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, ZipRecords.EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)Math.Min(entries.Count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)Math.Min(entries.Count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)Math.Min(directorySize, uint.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)Math.Min(directoryOffset, uint.MaxValue));
        stream.Write(end);
    }

    private static void WriteLocalHeader(Span<byte> header, Entry entry, int nameLength)
    {
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, ZipRecords.LocalSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Deflated);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], ZipRecords.FixedTime);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], ZipRecords.FixedDate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], (uint)entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], (uint)entry.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)nameLength);
    }

    private void WriteCentralHeader(Entry entry)
    {
        // Only the offset can pass 4 GiB (entries are smaller): it then moves to a ZIP64 extra field.
        var farOffset = entry.Offset >= uint.MaxValue;
        Span<byte> header = stackalloc byte[46 + 12];
        header.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header, ZipRecords.CentralSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], farOffset ? Zip64Version : Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], farOffset ? Zip64Version : Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], Deflated);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], ZipRecords.FixedTime);
        BinaryPrimitives.WriteUInt16LittleEndian(header[14..], ZipRecords.FixedDate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)entry.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)entry.NameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], (ushort)(farOffset ? 12 : 0));
        BinaryPrimitives.WriteUInt32LittleEndian(header[42..], farOffset ? uint.MaxValue : (uint)entry.Offset);
        stream.Write(header[..46]);
        stream.Write(entry.NameBytes);
        if (farOffset)
        {
            var extra = header[46..];
            BinaryPrimitives.WriteUInt16LittleEndian(extra, 1);
            BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], 8);
            BinaryPrimitives.WriteInt64LittleEndian(extra[4..], entry.Offset);
            stream.Write(extra);
        }
    }

    private void WriteZip64End(long directoryOffset, long directorySize)
    {
        var recordOffset = stream.Position;
        Span<byte> record = stackalloc byte[56 + 20];
        record.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(record, ZipRecords.Zip64EndSignature);
        BinaryPrimitives.WriteInt64LittleEndian(record[4..], 44);
        BinaryPrimitives.WriteUInt16LittleEndian(record[12..], Zip64Version);
        BinaryPrimitives.WriteUInt16LittleEndian(record[14..], Zip64Version);
        BinaryPrimitives.WriteInt64LittleEndian(record[24..], entries.Count);
        BinaryPrimitives.WriteInt64LittleEndian(record[32..], entries.Count);
        BinaryPrimitives.WriteInt64LittleEndian(record[40..], directorySize);
        BinaryPrimitives.WriteInt64LittleEndian(record[48..], directoryOffset);
        var locator = record[56..];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, ZipRecords.Zip64LocatorSignature);
        BinaryPrimitives.WriteInt64LittleEndian(locator[8..], recordOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
        stream.Write(record);
    }

    private sealed class Entry(string name, byte[] nameBytes, long offset)
    {
        public string Name { get; } = name;

        public byte[] NameBytes { get; } = nameBytes;

        public long Offset { get; } = offset;

        public uint Crc { get; set; }

        public long CompressedSize { get; set; }

        public long UncompressedSize { get; set; }
    }
}
