using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>
/// What a tariff quote concludes, apart from the enterprise and the quantity: the same for every
/// enterprise of a publication with the same class and consecutive D years, on the same region,
/// utility and billing date. A billing run of 100,000 enterprises has a handful of such shapes, so
/// each is evaluated once and shared (the candidates are immutable records).
/// </summary>
internal sealed record TariffOutcome(QuoteStatus Status, decimal PerUnit, RateCandidate? Applied, IReadOnlyList<RateCandidate> Candidates, string Explanation);

/// <summary>Everything a <see cref="TariffOutcome"/> depends on; the rating's parts are defaults when there is none.</summary>
internal readonly record struct TariffShape(
    string Region, Utility Utility, DateOnly Date, bool Rated, RatingClass Class, int ConsecutiveDYears, string? RunId, int Version, int Year)
{
    public static TariffShape Of(TariffQuery query, RatingFact? rating) => rating is null
        ? new(query.Region, query.Utility, query.BillingDate, false, default, 0, null, 0, 0)
        : new(query.Region, query.Utility, query.BillingDate, true, rating.Class, rating.ConsecutiveDYears, rating.RunId, rating.Version, rating.Year);
}

/// <summary>
/// A bounded memo of <see cref="TariffOutcome"/>s per <see cref="PolicySet"/>. The outcome is a pure
/// function of the shape and the (immutable) set, so a memoized answer is the answer recomputed:
/// determinism does not depend on what is cached. When full, it starts over rather than tracking use.
/// </summary>
internal sealed class TariffOutcomes
{
    private const int Capacity = 4096;
    private readonly ConcurrentDictionary<TariffShape, TariffOutcome> outcomes = new();
    private int count;

    public bool TryGet(TariffShape shape, [MaybeNullWhen(false)] out TariffOutcome outcome) => outcomes.TryGetValue(shape, out outcome);

    /// <summary>Remembers an outcome; returns the one remembered (another thread's, if it got there first: they are equal).</summary>
    public TariffOutcome Add(TariffShape shape, TariffOutcome outcome)
    {
        if (Interlocked.Increment(ref count) > Capacity)
        {
            outcomes.Clear();
            Interlocked.Exchange(ref count, 0);
        }

        return outcomes.GetOrAdd(shape, outcome);
    }
}
