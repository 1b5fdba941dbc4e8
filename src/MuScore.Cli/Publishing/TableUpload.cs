using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Publishing;

/// <summary>
/// Sends a CSV file as it is: the header message, then the file's bytes in parts of
/// <see cref="PartBytes"/>, for the server to read with the reader <c>muscore rate</c> uses
/// (docs/service.md, "Table uploads"). The client neither parses nor maps a row.
/// </summary>
internal static class TableUpload
{
    /// <summary>
    /// Bytes a part: under the 85,000 bytes from which the server's copy of a part would go to the
    /// large object heap, freed only by full collections (1 MiB parts were measured, docs/benchmarks.md).
    /// </summary>
    public const int PartBytes = 64 * 1024;

    /// <summary>
    /// Streams <paramref name="path"/> to SubmitRun. When reading fails part-way the call is
    /// cancelled (disposed unfinished), so the server stores nothing. Throws
    /// <see cref="RpcException"/> with the server's status.
    /// </summary>
    public static async Task<UploadResult> SendAsync(EvaluationService.EvaluationServiceClient client, RunHeader header, string path, PublishProgress progress, CancellationToken cancellationToken)
    {
        using var call = client.SubmitRun(cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = header }, cancellationToken).ConfigureAwait(false);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var length = file.Length;
            var buffer = new byte[PartBytes];
            long sent = 0;
            while (true)
            {
                var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                // Wrapped, not copied: the message is serialized before WriteAsync completes, and only then is the buffer refilled.
                await call.RequestStream.WriteAsync(new SubmitRunRequest { TablePart = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(0, read)) }, cancellationToken).ConfigureAwait(false);
                sent += read;
                progress.Uploaded(sent, length);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RpcException || (exception is InvalidOperationException && RunUpload.Ended(call)))
        {
            // The call ended early: the server refused the stream (a bad header, a broken table, a
            // limit) or could not be reached. Its status, the real reason, comes with the response below.
        }

        progress.Phase("sent the file");
        var response = await call.ResponseAsync.ConfigureAwait(false);
        return new UploadResult(response.Run, new OffsetRows(response.Run));
    }

    /// <summary>
    /// Whether the server cannot take this upload as a table, but would take its rows as records:
    /// a server that keeps records for the review (FAILED_PRECONDITION, REVIEW_NEEDS_RECORDS), or
    /// one older than table uploads, which finds no record or batch in the message (INVALID_ARGUMENT
    /// on field "item", rule "required").
    /// </summary>
    public static bool NeedsRecords(RpcException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var details = refusal.GetRpcStatus();
        return refusal.StatusCode switch
        {
            StatusCode.FailedPrecondition => details?.GetDetail<ErrorInfo>()?.Reason == "REVIEW_NEEDS_RECORDS",
            StatusCode.InvalidArgument => details?.GetDetail<BadRequest>()?.FieldViolations is [{ Field: "item", Reason: "required" }],
            _ => false,
        };
    }

    /// <summary>The server's description when it could not read the file as a table (rule table_format), else null.</summary>
    public static string? BrokenTable(RpcException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.StatusCode == StatusCode.InvalidArgument
            && refusal.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations is [{ Field: "table_part", Reason: "table_format" } violation]
            ? violation.Description
            : null;
    }

    /// <summary>
    /// The file row of every record of a table upload: record n is row n + offset, the offset
    /// read off any rejected record (the server sets <c>row</c> on each); without one no row is asked for.
    /// </summary>
    private sealed class OffsetRows(Run run) : IReadOnlyList<int>
    {
        private readonly int offset = run.Rejected.Count > 0 && run.Rejected[0].Row > 0 ? run.Rejected[0].Row - run.Rejected[0].RecordNumber : 1;

        public int Count { get; } = run.RecordCount;

        public int this[int index] => (uint)index < (uint)Count ? index + 1 + offset : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<int> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
