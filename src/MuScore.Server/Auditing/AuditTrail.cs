using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using MuScore.Server.Errors;
using MuScore.Server.Telemetry;
using MuScore.Store.Audit;

namespace MuScore.Server.Auditing;

/// <summary>
/// The server's appends to the audit log (refusals, starts, read counts). The store writes
/// submissions and publications itself, in the transaction that makes them. Values from clients
/// are bounded here to what the log accepts; an append that fails is logged and does not fail the
/// call it records (a refusal still goes out while the database is down).
/// </summary>
internal sealed class AuditTrail(IAuditLog log, ILogger<AuditTrail> logger, DependencyHealth dependencies, ServerMetrics metrics)
{
    /// <summary>The longest detail kept as written, in UTF-8 bytes (the log's own bound).</summary>
    public const int MaxDetailBytes = 16 * 1024;

    private const int MaxCaller = 256;
    private const int MaxReason = 1024;

    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var bounded = record with
        {
            Caller = EchoText.Bound(Clean(record.Caller), MaxCaller - 1),
            Region = record.Region is null ? null : EchoText.Bound(Clean(record.Region)),
            RunId = record.RunId is null ? null : EchoText.Bound(Clean(record.RunId), 128),
            Reason = record.Reason is null ? null : EchoText.Bound(Clean(record.Reason), MaxReason - 1),
            Detail = record.Detail is null ? null : BoundDetail(Clean(record.Detail)),
        };
        try
        {
            await log.AppendAsync(bounded, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && StoreFailures.IsUnavailable(e))
        {
            // Expected while the database is down (every refusal appends): one Warning per outage, no stack traces.
            dependencies.Failed(DependencyHealth.Database, e);
            metrics.AuditAppendFailed(unavailable: true);
            Log.AuditAppendSkipped(logger, LogValues.Cut(record.Kind), LogValues.Cut(e.Message));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.AuditAppendFailed(unavailable: false);
            Log.AuditAppendFailed(logger, LogValues.Cut(record.Kind), e);
        }
    }

    /// <summary>
    /// The detail as written when the log can hold it, else a JSON object that says it was too long
    /// and carries its size and SHA-256. Cutting the text would leave JSON no reader can parse, and
    /// a detail that size is a defect worth seeing, not a value worth keeping half of.
    /// </summary>
    public static string BoundDetail(string detail)
    {
        var bytes = Encoding.UTF8.GetBytes(detail);
        return bytes.Length <= MaxDetailBytes
            ? detail
            : AuditJson.Write(new OversizedDetail(true, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    /// <summary>
    /// The log refuses NUL (PostgreSQL text cannot hold it) and lone UTF-16 surrogates (both
    /// databases must hash the same UTF-8); a client's value (a token's sub, a reason) may carry
    /// either, and the entry must still be written. Each becomes U+FFFD.
    /// </summary>
    public static string Clean(string value)
    {
        if (!NeedsCleaning(value))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return text.ToString();
    }

    private static bool NeedsCleaning(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return true;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    private sealed record OversizedDetail(bool Oversized, int Utf8Bytes, string Sha256);
}
