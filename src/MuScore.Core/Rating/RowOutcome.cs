using MuScore.Core.Records;

namespace MuScore.Core.Rating;

/// <summary>What became of one input row: every input row has exactly one outcome.</summary>
public sealed record RowOutcome
{
    /// <summary>Row number as a spreadsheet shows it.</summary>
    public required int RowNumber { get; init; }

    /// <summary>Credit code cell, trimmed (may be invalid for INVALID rows).</summary>
    public string? CreditCode { get; init; }

    /// <summary>Name cell.</summary>
    public string? Name { get; init; }

    /// <summary>Region cell.</summary>
    public string? Region { get; init; }

    /// <summary>Status.</summary>
    public required RowStatus Status { get; init; }

    /// <summary>The record (RATED and EXCLUDED rows).</summary>
    public EnterpriseRecord? Record { get; init; }

    /// <summary>Every reason an EXCLUDED row is out of scope.</summary>
    public IReadOnlyList<ExclusionReason> Exclusions { get; init; } = [];

    /// <summary>Every problem of an INVALID row.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];

    /// <summary>The rating of a RATED row.</summary>
    public EnterpriseRating? Rating { get; init; }
}
