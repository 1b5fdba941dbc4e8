namespace MuScore.Cli;

/// <summary>Process exit codes (docs/outputs.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work; INVALID rows are reported, not failures.</summary>
    public const int Success = 0;

    /// <summary>Files could not be read or written (permissions, disk full), or an internal error.</summary>
    public const int IoFailure = 1;

    /// <summary>Bad arguments, a bad scheme, or an input that is not a table.</summary>
    public const int Usage = 2;

    /// <summary>--strict and at least one INVALID row.</summary>
    public const int StrictRejected = 3;

    /// <summary>
    /// publish, lists, summary, audit list, get, quote, land-check, subsidy: the server could not be reached or answered with an error status;
    /// audit verify: the store could not be opened or read.
    /// </summary>
    public const int ServerError = 4;

    /// <summary>audit verify: the audit log's hash chain is broken (an entry edited, deleted or reordered).</summary>
    public const int AuditBroken = 5;

    /// <summary>
    /// get: the server has no rating of the code (NOT_FOUND); quote, land-check, subsidy: the answer
    /// is NO_RATING_IN_FORCE or NO_POLICY_IN_FORCE. An answer, printed like any other, that a script
    /// must not take for a decision.
    /// </summary>
    public const int NoAnswer = 6;
}
