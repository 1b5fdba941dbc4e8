using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MuScore.Store.Audit;

namespace MuScore.Server.Auditing;

/// <summary>
/// Appends the read counts to the audit log every <see cref="AuditOptions.ReadCountFlushSeconds"/>
/// and once more when the server stops: one <c>reads.counted</c> entry per caller and hour, its
/// detail the count per method.
/// </summary>
internal sealed class ReadCountFlusher(ReadCounter counter, AuditTrail trail, IOptions<AuditOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReadCountFlushSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last counts are written below.
        }

        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Writes what was counted since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var group in counter.Drain().GroupBy(c => (c.Caller, c.Hour)))
        {
            var detail = AuditJson.Write(new ReadCounts(group.Key.Hour, group.ToDictionary(c => c.Method, c => c.Count, StringComparer.Ordinal)));
            await trail.AppendAsync(new AuditRecord(AuditKinds.ReadsCounted, now, group.Key.Caller, null, null, null, null, null, detail), cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record ReadCounts(DateTimeOffset Hour, Dictionary<string, long> Counts);
}
