using System.Diagnostics;
using MuScore.Server.Caching;

namespace MuScore.Server.Tests.Caching;

/// <summary>One request's Redis time: what its calls have used, and when it is spent.</summary>
public sealed class RedisBudgetTests
{
    [Fact]
    public void New_IsUntouchedAndHoldsTheWholeTimeout()
    {
        var budget = new RedisBudget(TimeSpan.FromMinutes(1));

        Assert.True(budget.Untouched);
        Assert.False(budget.Spent);
        Assert.Equal(TimeSpan.FromMinutes(1), budget.Remaining);
    }

    [Fact]
    public void Spend_PartOfTheTime_LeavesTheRest()
    {
        var budget = new RedisBudget(TimeSpan.FromMinutes(1));

        budget.Spend(Stopwatch.GetTimestamp() - Stopwatch.Frequency);

        Assert.False(budget.Untouched);
        Assert.False(budget.Spent);
        Assert.InRange(budget.Remaining, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(59));
    }

    [Fact]
    public void Spend_MoreThanTheTimeout_IsSpentWithNothingLeft()
    {
        var budget = new RedisBudget(TimeSpan.FromMilliseconds(250));

        budget.Spend(Stopwatch.GetTimestamp() - Stopwatch.Frequency);

        Assert.True(budget.Spent);
        Assert.Equal(TimeSpan.Zero, budget.Remaining);
    }
}
