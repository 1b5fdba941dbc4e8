using MuScore.Store.Audit;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>Reading the audit log directly, page by page, to see what the server wrote.</summary>
internal static class AuditEntries
{
    /// <summary>Every entry after <paramref name="after"/> (oldest first), of <paramref name="caller"/> and <paramref name="kinds"/> when given.</summary>
    public static async Task<List<AuditEntry>> AllAsync(IAuditLog log, string? caller = null, string[]? kinds = null, long? after = null)
    {
        var entries = new List<AuditEntry>();
        while (true)
        {
            var page = new List<AuditEntry>();
            await foreach (var entry in log.ListAsync(new AuditQuery(null, null, caller, null, kinds, after, AuditQuery.MaxLimit), CancellationToken.None))
            {
                page.Add(entry);
            }

            entries.AddRange(page);
            if (page.Count < AuditQuery.MaxLimit)
            {
                return entries;
            }

            after = page[^1].Sequence;
        }
    }

    /// <summary>The sequence number of the newest entry (0 for an empty log): what a test's own entries come after.</summary>
    public static async Task<long> LastSequenceAsync(IAuditLog log)
    {
        await foreach (var entry in log.ListAsync(new AuditQuery(null, null, null, null, null, null, 1, NewestFirst: true), CancellationToken.None))
        {
            return entry.Sequence;
        }

        return 0;
    }
}
