namespace MuScore.Core.Records;

/// <summary>One reason a row is INVALID: which field, which rule, and a sentence a clerk can act on.</summary>
/// <param name="Field">The field at fault; null for a row-level problem (a blank row).</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Message">What is wrong, naming the value.</param>
public sealed record FieldProblem(Field? Field, ProblemRule Rule, string Message);
