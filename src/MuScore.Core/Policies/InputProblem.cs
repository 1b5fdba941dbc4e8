namespace MuScore.Core.Policies;

/// <summary>
/// One reason a policy request is malformed (a gRPC handler maps these to INVALID_ARGUMENT field
/// violations). Requests have a <c>Validate()</c> method; the engine refuses an invalid request.
/// </summary>
/// <param name="Field">snake_case path of the field, e.g. <c>parcels[1].area_mu</c>.</param>
/// <param name="Message">The rule broken, with the value.</param>
public sealed record InputProblem(string Field, string Message)
{
    /// <summary>"field: message".</summary>
    public override string ToString() => $"{Field}: {Message}";

    /// <summary>Throws when <paramref name="problems"/> is not empty: the caller skipped validation.</summary>
    internal static void ThrowIfAny(IReadOnlyList<InputProblem> problems, string parameter)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid request (call Validate() first): {string.Join("; ", problems)}", parameter);
        }
    }
}
