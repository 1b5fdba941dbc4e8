using System.Collections;

namespace MuScore.Core.Rating;

/// <summary>
/// <see cref="RatingRun.Rows"/> of an engine run: each access builds the row's outcome from the
/// columns, so a million rated rows are not held as a million object graphs.
/// </summary>
internal sealed class RowOutcomeList(RatingResults results) : IReadOnlyList<RowOutcome>
{
    public RatingResults Results { get; } = results;

    public int Count => Results.Count;

    public RowOutcome this[int index] => Results.Outcome(index);

    public IEnumerator<RowOutcome> GetEnumerator()
    {
        for (var i = 0; i < Results.Count; i++)
        {
            yield return Results.Outcome(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
