namespace MuScore.Store.Audit;

/// <summary>The kinds of audit entries (<see cref="AuditRecord.Kind"/>); the store writes the first three itself.</summary>
public static class AuditKinds
{
    /// <summary>A run was submitted (stored, or sent again): caller, region, year, run id; detail holds the counts.</summary>
    public const string RunSubmitted = "run.submitted";

    /// <summary>A run became the newest version of its region and year: caller, version, reason if given.</summary>
    public const string RunPublished = "run.published";

    /// <summary>As <see cref="RunPublished"/>, for a rollback (an older or already published run put back), always with a reason.</summary>
    public const string RunRollback = "run.rollback";

    /// <summary>The server refused a call (not allowed, four eyes, rollback without reason); written by the server.</summary>
    public const string CallRefused = "call.refused";

    /// <summary>A server instance started; written by the server.</summary>
    public const string ServerStarted = "server.started";

    /// <summary>Reads per caller and hour, aggregated by the server; detail holds the counts as JSON.</summary>
    public const string ReadsCounted = "reads.counted";
}
