using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>
/// The published rating a policy answer relies on, as the server reads it from the publication in
/// force (<see cref="RatingInForce"/>). Every answer carries it back so a consumer can audit it.
/// </summary>
/// <param name="CreditCode">The enterprise's credit code.</param>
/// <param name="Region">The 6-digit region that rated it.</param>
/// <param name="Year">The evaluated year.</param>
/// <param name="Class">The published class.</param>
/// <param name="ConsecutiveDYears">Consecutive evaluated years in D ending with <paramref name="Year"/>; 0 unless D.</param>
/// <param name="RunId">The rating run that produced it.</param>
/// <param name="Version">Publication version for the region and year (1 for the first).</param>
/// <param name="PublishedAt">When that version was published.</param>
public sealed record RatingFact(
    string CreditCode,
    string Region,
    int Year,
    RatingClass Class,
    int ConsecutiveDYears,
    string RunId,
    int Version,
    DateTimeOffset PublishedAt)
{
    /// <summary>"run r-1, year 2023, version 2": how a trace names the rating.</summary>
    public string Describe() => FormattableString.Invariant($"run {RunId}, year {Year}, version {Version}");
}
