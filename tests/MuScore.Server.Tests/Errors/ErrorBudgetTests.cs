using System.Globalization;
using Google.Rpc;
using MuScore.Server.Errors;

namespace MuScore.Server.Tests.Errors;

public sealed class ErrorBudgetTests
{
    private static List<BadRequest.Types.FieldViolation> Violations(int count, int descriptionLength) =>
        [.. Enumerable.Range(0, count).Select(i => new BadRequest.Types.FieldViolation
        {
            Field = string.Create(CultureInfo.InvariantCulture, $"items[{i}]"),
            Reason = "format",
            Description = new string('d', descriptionLength),
        })];

    [Fact]
    public void WithViolations_FewSmall_AllCarriedUnchanged()
    {
        var violations = Violations(3, 40);

        var status = ErrorBudget.WithViolations(Code.InvalidArgument, "bad", violations);

        Assert.Equal(violations, status.Details[0].Unpack<BadRequest>().FieldViolations);
    }

    [Fact]
    public void WithViolations_ManyLarge_FitTheBudgetAndCountTheRest()
    {
        var status = ErrorBudget.WithViolations(Code.InvalidArgument, new string('m', 10_000), Violations(200, 2_000));

        var carried = status.Details[0].Unpack<BadRequest>().FieldViolations;
        Assert.True(status.CalculateSize() <= ErrorBudget.MaxStatusBytes);
        Assert.True(status.Message.Length <= ErrorBudget.MaxMessage + 1);
        Assert.All(carried.SkipLast(1), v => Assert.Equal(ErrorBudget.MaxDescription + 1, v.Description.Length));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"and {200 - (carried.Count - 1)} more violations, not listed to keep the error small"), carried[^1].Description);
        Assert.Equal("items[0]", carried[0].Field);
    }

    [Fact]
    public void WithViolations_OverTheCountOnly_FirstFortyNineAndOneCounting()
    {
        var status = ErrorBudget.WithViolations(Code.InvalidArgument, "bad", Violations(60, 10));

        var carried = status.Details[0].Unpack<BadRequest>().FieldViolations;
        Assert.Equal(ErrorBudget.MaxViolations, carried.Count);
        Assert.Equal("items[48]", carried[^2].Field);
        Assert.Equal("and 11 more violations, not listed to keep the error small", carried[^1].Description);
    }
}
