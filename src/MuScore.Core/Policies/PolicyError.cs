namespace MuScore.Core.Policies;

/// <summary>One reason a policy file (or a set of policies) is rejected.</summary>
/// <param name="Path">JSON path of the offending value, e.g. <c>tariffs[1].surcharges[0].amount</c>; <c>$</c> for the document.</param>
/// <param name="Message">The rule broken, naming the field and, where useful, the value.</param>
public sealed record PolicyError(string Path, string Message)
{
    /// <summary>"path: message", one line.</summary>
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The outcome of reading a policy file: a valid policy, or every error found.</summary>
/// <param name="Policy">The policy; null when the file has errors.</param>
/// <param name="Errors">Every error found, in document order; empty when valid.</param>
public sealed record PolicyLoadResult(Policy? Policy, IReadOnlyList<PolicyError> Errors)
{
    /// <summary>True when the file gave a policy and no errors.</summary>
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
