using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using MuScore.Server.Errors;
using MuScore.Store.Audit;

namespace MuScore.Server.Auditing;

/// <summary>
/// The server's appends to the audit log (refusals, starts, read counts). The store writes
/// submissions and publications itself, in the transaction that makes them. Values from clients
/// are bounded here to what the log accepts; an append that fails is logged and does not fail the
/// call it records (a refusal still goes out while the database is down).
/// </summary>
internal sealed class AuditTrail(IAuditLog log, ILogger<AuditTrail> logger)
{
    private const int MaxCaller = 256;
    private const int MaxReason = 1024;
    private const int MaxDetail = 16_000;

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var bounded = record with
        {
            Caller = EchoText.Bound(Clean(record.Caller), MaxCaller - 1),
            Region = record.Region is null ? null : EchoText.Bound(Clean(record.Region)),
            RunId = record.RunId is null ? null : EchoText.Bound(Clean(record.RunId), 128),
            Reason = record.Reason is null ? null : EchoText.Bound(Clean(record.Reason), MaxReason - 1),
            Detail = record.Detail is null ? null : EchoText.Bound(Clean(record.Detail), MaxDetail / 4),
        };
        try
        {
            await log.AppendAsync(bounded, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.AuditAppendFailed(logger, record.Kind, e);
        }
    }

    // The log refuses NUL (PostgreSQL text cannot hold it); a client's value may carry one.
    private static string Clean(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value;
}
