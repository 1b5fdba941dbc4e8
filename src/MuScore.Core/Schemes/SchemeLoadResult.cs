namespace MuScore.Core.Schemes;

/// <summary>The outcome of reading a scheme file: a valid scheme, or every error found.</summary>
/// <param name="Scheme">The scheme; null when the file has errors.</param>
/// <param name="Errors">Every error found, in document order; empty when valid.</param>
public sealed record SchemeLoadResult(Scheme? Scheme, IReadOnlyList<SchemeError> Errors)
{
    /// <summary>True when the file gave a scheme and no errors.</summary>
    public bool IsValid => Scheme is not null && Errors.Count == 0;
}
