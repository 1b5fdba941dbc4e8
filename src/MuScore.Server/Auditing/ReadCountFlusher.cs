using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MuScore.Store.Audit;

namespace MuScore.Server.Auditing;

/// <summary>
/// Appends the read counts to the audit log every <see cref="AuditOptions.ReadCountFlushSeconds"/>
/// and once more when the server stops: one <c>reads.counted</c> entry per caller and hour, its
/// detail the count per method (full gRPC name). The refusals the refusal budget left uncounted go
/// out on the same beat (<see cref="RefusalRecorder.FlushSuppressedAsync"/>).
/// </summary>
internal sealed class ReadCountFlusher(ReadCounter counter, RefusalRecorder refusals, AuditTrail trail, IOptions<AuditOptions> options, TimeProvider time) : BackgroundService
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
            // Methods in ordinal order, so the same counts always give the same detail text.
            var counts = new SortedDictionary<string, long>(group.ToDictionary(c => c.Method, c => c.Count, StringComparer.Ordinal), StringComparer.Ordinal);
            var detail = AuditJson.Write(new ReadCounts(Hour(group.Key.Hour), counts));
            await trail.AppendAsync(new AuditRecord(AuditKinds.ReadsCounted, now, group.Key.Caller, null, null, null, null, null, detail), cancellationToken).ConfigureAwait(false);
        }

        await refusals.FlushSuppressedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"2026-12-06T21:00:00Z": the hour in UTC as docs/audit.md shows it (the serializer would write "+00:00").</summary>
    private static string Hour(DateTimeOffset hour) => hour.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record ReadCounts(string Hour, SortedDictionary<string, long> Counts);
}
