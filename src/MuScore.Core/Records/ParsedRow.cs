namespace MuScore.Core.Records;

/// <summary>
/// The outcome of validating one raw row: a record, or the problems that make it INVALID. The
/// identifying cells are kept either way so that every output row can say whose row it was.
/// </summary>
public sealed record ParsedRow
{
    /// <summary>Row number as a spreadsheet shows it (header = 1).</summary>
    public required int RowNumber { get; init; }

    /// <summary>The credit code cell, trimmed, valid or not; null when blank.</summary>
    public string? CreditCodeText { get; init; }

    /// <summary>The name cell, trimmed; null when blank.</summary>
    public string? Name { get; init; }

    /// <summary>The region cell, trimmed, valid or not; null when blank.</summary>
    public string? RegionText { get; init; }

    /// <summary>Whether the credit code passed its own checks (used to find duplicates among bad rows too).</summary>
    public bool CreditCodeValid { get; init; }

    /// <summary>Whether the region passed its own checks.</summary>
    public bool RegionValid { get; init; }

    /// <summary>The validated record; null when <see cref="Problems"/> is non-empty.</summary>
    public EnterpriseRecord? Record { get; init; }

    /// <summary>Every problem found in the row; empty for a valid row.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];

    /// <summary>A valid row from a record built in code (tests, generators, gRPC mapping).</summary>
    public static ParsedRow Valid(int rowNumber, EnterpriseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ParsedRow
        {
            RowNumber = rowNumber,
            CreditCodeText = record.CreditCode,
            Name = record.Name,
            RegionText = record.Region,
            CreditCodeValid = true,
            RegionValid = true,
            Record = record,
        };
    }
}
