using System.Diagnostics.CodeAnalysis;

namespace MuScore.Core.Records;

/// <summary>
/// The outcome of validating one raw row: a record, or the problems that make it INVALID. The
/// identifying cells are kept either way so that every output row can say whose row it was.
/// </summary>
/// <remarks>
/// A run keeps a million of these alive, so a valid row read from a table is 32 bytes: its
/// number, two flags, and its record, whose strings are the row's identifying texts. Any other
/// row (invalid, or built with texts that differ from its record) keeps a <see cref="RowDetails"/>.
/// Equality compares the public values, whichever form a row has.
/// </remarks>
public sealed record ParsedRow
{
    private const byte CodeValidFlag = 1;
    private const byte RegionValidFlag = 2;

    // An EnterpriseRecord (texts are its own, no problems) or a RowDetails; null for a row with nothing set.
    private object? payload;
    private byte flags;

    /// <summary>Creates a row whose properties are set one by one.</summary>
    public ParsedRow()
    {
    }

    [SetsRequiredMembers]
    private ParsedRow(int rowNumber, EnterpriseRecord record)
    {
        RowNumber = rowNumber;
        payload = record;
        flags = CodeValidFlag | RegionValidFlag;
    }

    [SetsRequiredMembers]
    private ParsedRow(int rowNumber, RowDetails details, bool codeValid, bool regionValid)
    {
        RowNumber = rowNumber;
        payload = details;
        CreditCodeValid = codeValid;
        RegionValid = regionValid;
    }

    /// <summary>Row number as a spreadsheet shows it (header = 1).</summary>
    public required int RowNumber { get; init; }

    /// <summary>The credit code cell, trimmed, valid or not; null when blank.</summary>
    public string? CreditCodeText
    {
        get => payload is EnterpriseRecord record ? record.CreditCode : (payload as RowDetails)?.CreditCodeText;
        init => Expand().CreditCodeText = value;
    }

    /// <summary>The name cell, trimmed; null when blank.</summary>
    public string? Name
    {
        get => payload is EnterpriseRecord record ? record.Name : (payload as RowDetails)?.Name;
        init => Expand().Name = value;
    }

    /// <summary>The region cell, trimmed, valid or not; null when blank.</summary>
    public string? RegionText
    {
        get => payload is EnterpriseRecord record ? record.Region : (payload as RowDetails)?.RegionText;
        init => Expand().RegionText = value;
    }

    /// <summary>Whether the credit code passed its own checks (used to find duplicates among bad rows too).</summary>
    public bool CreditCodeValid
    {
        get => (flags & CodeValidFlag) != 0;
        init => flags = (byte)(value ? flags | CodeValidFlag : flags & ~CodeValidFlag);
    }

    /// <summary>Whether the region passed its own checks.</summary>
    public bool RegionValid
    {
        get => (flags & RegionValidFlag) != 0;
        init => flags = (byte)(value ? flags | RegionValidFlag : flags & ~RegionValidFlag);
    }

    /// <summary>The validated record; null when <see cref="Problems"/> is non-empty.</summary>
    public EnterpriseRecord? Record
    {
        get => payload as EnterpriseRecord ?? (payload as RowDetails)?.Record;
        init => Expand().Record = value;
    }

    /// <summary>Every problem found in the row; empty for a valid row.</summary>
    public IReadOnlyList<FieldProblem> Problems
    {
        get => (payload as RowDetails)?.Problems ?? [];
        init => Expand().Problems = value;
    }

    /// <summary>A valid row from a record built in code (tests, generators, gRPC mapping).</summary>
    public static ParsedRow Valid(int rowNumber, EnterpriseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ParsedRow(rowNumber, record);
    }

    /// <summary>An INVALID row as the parser finds it, in one allocation of its details.</summary>
    internal static ParsedRow Invalid(int rowNumber, string? code, string? name, string? region, bool codeValid, bool regionValid, IReadOnlyList<FieldProblem> problems) =>
        new(rowNumber, new RowDetails { CreditCodeText = code, Name = name, RegionText = region, Problems = problems }, codeValid, regionValid);

    /// <summary>Equal when every public value is: row number, texts, flags, record (by value) and the same problem list.</summary>
    public bool Equals(ParsedRow? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (RowNumber == other.RowNumber && flags == other.flags
                && CreditCodeText == other.CreditCodeText && Name == other.Name && RegionText == other.RegionText
                && Equals(Record, other.Record) && ReferenceEquals(Problems, other.Problems)));

    /// <summary>A hash consistent with <see cref="Equals(ParsedRow?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(RowNumber, flags, CreditCodeText, Record);

    /// <summary>
    /// This row's values as a fresh <see cref="RowDetails"/> it then holds: a <c>with</c> copy shares
    /// its original's payload, so a setter never changes the one it was copied from.
    /// </summary>
    private RowDetails Expand()
    {
        var details = payload switch
        {
            EnterpriseRecord record => new RowDetails { CreditCodeText = record.CreditCode, Name = record.Name, RegionText = record.Region, Record = record },
            RowDetails shared => shared with { },
            _ => new RowDetails(),
        };
        payload = details;
        return details;
    }

    /// <summary>The values of a row that is not a plain valid one.</summary>
    private sealed record RowDetails
    {
        public string? CreditCodeText { get; set; }

        public string? Name { get; set; }

        public string? RegionText { get; set; }

        public EnterpriseRecord? Record { get; set; }

        public IReadOnlyList<FieldProblem> Problems { get; set; } = [];
    }
}
