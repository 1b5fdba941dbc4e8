namespace MuScore.Ingest;

/// <summary>The zip format's record signatures and fixed time, shared by the workbook's zip writer and the time fixer of SpreadCheetah's archives.</summary>
internal static class ZipRecords
{
    public const uint LocalSignature = 0x04034b50;
    public const uint CentralSignature = 0x02014b50;
    public const uint EndSignature = 0x06054b50;
    public const uint Zip64EndSignature = 0x06064b50;
    public const uint Zip64LocatorSignature = 0x07064b50;

    /// <summary>DOS time 00:00:00: the time of the earliest moment a zip can hold.</summary>
    public const ushort FixedTime = 0;

    /// <summary>DOS date 1980-01-01 (year 0 from 1980, month 1, day 1).</summary>
    public const ushort FixedDate = 0x21;
}
