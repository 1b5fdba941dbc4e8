using MuScore.Core.History;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Rating;

/// <summary>Everything one rating run reads.</summary>
public sealed record RatingRequest
{
    /// <summary>The scheme to rate under.</summary>
    public required Scheme Scheme { get; init; }

    /// <summary>The evaluated year.</summary>
    public required int Year { get; init; }

    /// <summary>Only rows of this region are rated (others are EXCLUDED as other_region); null rates every region.</summary>
    public string? Region { get; init; }

    /// <summary>Validated input rows, in input order.</summary>
    public required IReadOnlyList<ParsedRow> Rows { get; init; }

    /// <summary>Content hash of the input (see <see cref="Hashing.InputHasher"/>).</summary>
    public required string InputHash { get; init; }

    /// <summary>Earlier years' results for consecutive_d_years.</summary>
    public IRatingHistory History { get; init; } = RatingHistory.Empty;
}
