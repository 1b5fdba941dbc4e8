namespace MuScore.Core.Schemes;

/// <summary>One reason a scheme file is rejected.</summary>
/// <param name="Path">
/// JSON path of the offending value, e.g. <c>pools[1].indicators[0].weight</c>; <c>$</c> for the
/// document itself (malformed JSON, or a root that is not an object).
/// </param>
/// <param name="Message">The rule broken, naming the field and, where useful, the value.</param>
public sealed record SchemeError(string Path, string Message)
{
    /// <summary>"path: message", one line.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
