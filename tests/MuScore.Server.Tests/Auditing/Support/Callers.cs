namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>The roles of a rating office as scopes, and caller ids no other test uses.</summary>
internal static class Callers
{
    /// <summary>The clerk who uploads the year's records.</summary>
    public const string ClerkScope = "runs:submit ratings:read";

    /// <summary>The head of office who puts a run in force (and may look at runs).</summary>
    public const string HeadScope = "runs:submit runs:publish ratings:read";

    /// <summary>The auditor.</summary>
    public const string AuditorScope = "audit:read";

    /// <summary>"clerk-1a2b3c4d5e6f": a role and 12 hex digits, so a test finds its own entries by caller.</summary>
    public static string Unique(string role) => $"{role}-{Guid.NewGuid():N}"[..(role.Length + 13)];
}
