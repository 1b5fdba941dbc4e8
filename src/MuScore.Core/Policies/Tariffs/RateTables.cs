using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>
/// Evaluates tariff and relief tables against a rating: every row becomes a candidate, and only
/// the highest matching one applies (鲁发改价格〔2022〕56号: surcharges do not stack). Ties keep
/// the first in candidate order (policy id, then file order), so the answer is deterministic.
/// </summary>
internal static class RateTables
{
    public static (IReadOnlyList<RateCandidate> Candidates, RateCandidate? Best) Evaluate(
        IEnumerable<(PolicyRef Policy, PolicySection Section, IReadOnlyList<RateStep> Steps)> tables,
        RatingFact? rating,
        string unit)
    {
        var candidates = new List<RateCandidate>();
        RateCandidate? best = null;
        foreach (var (policy, section, steps) in tables)
        {
            foreach (var step in steps)
            {
                var (matches, reason) = Match(step, rating, unit);
                var candidate = new RateCandidate(policy, section.Clause, policy.Cite(section.Clause), step.Class, step.MinConsecutiveDYears, step.Value, matches, reason);
                candidates.Add(candidate);
                if (matches && (best is null || candidate.Value > best.Value))
                {
                    best = candidate;
                }
            }
        }

        return (candidates, best);
    }

    /// <summary>"D", "D for 2 or more consecutive years" or "B".</summary>
    public static string Describe(RateStep step) =>
        step.Class == RatingClass.D && step.MinConsecutiveDYears > 1
            ? FormattableString.Invariant($"D for {step.MinConsecutiveDYears} or more consecutive years")
            : step.Class.ToString();

    /// <summary>"class D for 2 consecutive years" or "class B".</summary>
    public static string Describe(RatingFact rating) =>
        rating.Class == RatingClass.D
            ? FormattableString.Invariant($"class D for {rating.ConsecutiveDYears} consecutive year{(rating.ConsecutiveDYears == 1 ? string.Empty : "s")}")
            : $"class {rating.Class}";

    /// <summary>Checks the rating a caller passes in belongs to the enterprise and was published by the date.</summary>
    public static void CheckRating(RatingFact? rating, string creditCode, string region, DateOnly date)
    {
        if (rating is null)
        {
            return;
        }

        if (!string.Equals(rating.CreditCode, creditCode, StringComparison.Ordinal) || !string.Equals(rating.Region, region, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the rating is for {rating.CreditCode} in {rating.Region}, not {creditCode} in {region}", nameof(rating));
        }

        if (RatingInForce.PublicationDay(rating.PublishedAt) > date)
        {
            throw new ArgumentException(
                $"the rating ({rating.Describe()}) was published after {EffectivePeriod.Day(date)}; pick it with RatingInForce.Pick", nameof(rating));
        }
    }

    private static (bool Matches, string Reason) Match(RateStep step, RatingFact? rating, string unit)
    {
        var row = $"row '{Describe(step)}: {Money.Text(step.Value)} {unit}'";
        if (rating is null)
        {
            return (false, $"{row} cannot match: no rating is in force");
        }

        if (rating.Class != step.Class)
        {
            return (false, $"{row} does not match class {rating.Class}");
        }

        if (rating.ConsecutiveDYears < step.MinConsecutiveDYears)
        {
            return (false, $"{row} does not match {Describe(rating)}");
        }

        return (true, $"{row} matches {Describe(rating)}");
    }
}
