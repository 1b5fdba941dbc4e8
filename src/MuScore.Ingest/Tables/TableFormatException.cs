namespace MuScore.Ingest;

/// <summary>
/// The file is not a readable table at all (empty, binary, a corrupt workbook, a header row without
/// the required columns, a structurally broken CSV). The message names the file and the problem in
/// one sentence meant to be shown to the user as is, without a stack trace.
/// </summary>
public sealed class TableFormatException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public TableFormatException()
        : base("The file is not a readable table.")
    {
    }

    /// <summary>Creates the exception with a user-facing message.</summary>
    public TableFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and the low-level cause.</summary>
    public TableFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>"{file}: {problem}", the one form every message of this library takes.</summary>
    internal static TableFormatException For(string displayName, string problem, Exception? cause = null) =>
        cause is null
            ? new TableFormatException($"{displayName}: {problem}")
            : new TableFormatException($"{displayName}: {problem}", cause);
}
