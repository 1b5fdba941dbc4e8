using System.Collections;
using MuScore.Core.Rating;

namespace MuScore.Store;

/// <summary>
/// A draft's ratings read from the core run's columns when asked for: each access builds a new
/// <see cref="StoredRating"/> (equal in every field to the last), so a million-row draft holds an
/// index per rating, not a million ratings. The save encodes them on every core a chunk ahead of
/// the database writer and drops them, which took the draft step off a large upload's critical
/// path (docs/benchmarks.md, "A draft read from the run's columns"). The run stays alive as long
/// as the draft does.
/// </summary>
internal sealed class RunRatings : IReadOnlyList<StoredRating>
{
    private readonly RatingResults results;
    private readonly int[] rows;
    private readonly int year;

    /// <param name="results">The run's columns.</param>
    /// <param name="rows">The run's rows the draft keeps (RATED or EXCLUDED, of its region), in input order.</param>
    /// <param name="year">The run's year.</param>
    public RunRatings(RatingResults results, int[] rows, int year)
    {
        this.results = results;
        this.rows = rows;
        this.year = year;
    }

    public int Count => rows.Length;

    public StoredRating this[int index] => DraftRunBuilder.Stored(results, rows[index], year);

    /// <summary>Whether rating <paramref name="index"/> is RATED (so it has a pool and rank); otherwise EXCLUDED.</summary>
    public bool IsRated(int index) => results.Status(rows[index]) == RowStatus.Rated;

    /// <summary>The pool of a RATED rating, as its <see cref="EnterpriseRating.Pool"/>, without building it.</summary>
    public string Pool(int index) => results.Pool(rows[index]);

    /// <summary>The rank of a RATED rating, as its <see cref="EnterpriseRating.Rank"/>, without building it.</summary>
    public int Rank(int index) => results.Rank(rows[index]);

    public IEnumerator<StoredRating> GetEnumerator()
    {
        for (var i = 0; i < rows.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
