using MuScore.Core.Indicators;
using MuScore.Core.Rating;

namespace MuScore.Reports;

/// <summary>Compares two years' rating sets.</summary>
public static class YearComparer
{
    /// <summary>Matches enterprises by region and credit code; deterministic for the same two sets.</summary>
    public static YearComparison Compare(RatingSet current, RatingSet previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var transitions = new int[5, 5];
        var moves = new List<ClassMove>();
        foreach (var now in current.Enterprises)
        {
            var before = previous.Find(now.Region, now.CreditCode);
            transitions[before is null ? YearComparison.NotRated : (int)before.Class, (int)now.Class]++;
            if (before is not null && before.Class != now.Class)
            {
                moves.Add(new ClassMove(before, now, Changes(before, now)));
            }
        }

        foreach (var gone in previous.Enterprises)
        {
            if (current.Find(gone.Region, gone.CreditCode) is null)
            {
                transitions[(int)gone.Class, YearComparison.NotRated]++;
            }
        }

        return new YearComparison
        {
            PreviousYear = previous.Year,
            CurrentYear = current.Year,
            Transitions = transitions,
            Moves = moves
                .OrderByDescending(m => Math.Abs(m.Steps))
                .ThenBy(m => m.Steps)
                .ThenBy(m => m.Current.Region, StringComparer.Ordinal)
                .ThenBy(m => m.Current.CreditCode, StringComparer.Ordinal)
                .ToArray(),
        };
    }

    private static ItemChange[] Changes(RatedEnterprise before, RatedEnterprise now)
    {
        var order = new List<Indicator>();
        foreach (var item in now.Items.Concat(before.Items))
        {
            if (!order.Contains(item.Indicator))
            {
                order.Add(item.Indicator);
            }
        }

        return order
            .Select((indicator, position) => (Change: new ItemChange(indicator, before.Item(indicator)?.Score, now.Item(indicator)?.Score), Position: position))
            .OrderByDescending(c => Math.Abs(c.Change.Delta))
            .ThenBy(c => c.Position)
            .Select(c => c.Change)
            .ToArray();
    }
}
