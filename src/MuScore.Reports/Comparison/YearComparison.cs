using MuScore.Core.Rating;

namespace MuScore.Reports;

/// <summary>
/// This year's ratings against last year's (same region, matched by credit code): how many
/// moved from each class to each class, who moved and why.
/// </summary>
public sealed record YearComparison
{
    /// <summary>Last year.</summary>
    public required int PreviousYear { get; init; }

    /// <summary>This year.</summary>
    public required int CurrentYear { get; init; }

    /// <summary>
    /// Transition counts [from, to], indices 0..3 for A..D and 4 for "not rated that year"
    /// (entered or left the rating).
    /// </summary>
    public required int[,] Transitions { get; init; }

    /// <summary>Enterprises whose class changed, biggest moves first (down before up at equal size), then by code.</summary>
    public required IReadOnlyList<ClassMove> Moves { get; init; }

    /// <summary>Index of "not rated" in <see cref="Transitions"/>.</summary>
    public const int NotRated = 4;

    /// <summary>The count of enterprises that went from <paramref name="from"/> to <paramref name="to"/> (null: not rated).</summary>
    public int Count(RatingClass? from, RatingClass? to) =>
        Transitions[from is { } f ? (int)f : NotRated, to is { } t ? (int)t : NotRated];
}
