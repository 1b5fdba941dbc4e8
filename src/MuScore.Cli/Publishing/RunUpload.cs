using System.Globalization;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Ingest;

namespace MuScore.Cli.Publishing;

/// <summary>What the server made of an upload, and which file row each sent record was.</summary>
/// <param name="Run">The draft (or already published) run the server returned.</param>
/// <param name="RowNumbers">The file row of record n (1-based, as the server numbers them) at index n − 1.</param>
internal sealed record UploadResult(Run Run, IReadOnlyList<int> RowNumbers);

/// <summary>Second pass: streams the header and the sendable rows through SubmitRun in batches.</summary>
internal static class RunUpload
{
    /// <summary>
    /// A batch is also cut when it reaches this size: the server accepts messages up to gRPC's
    /// default 4 MB, and a few long names must not push a batch over it.
    /// </summary>
    private const int MaxBatchBytes = 3 * 1024 * 1024;

    /// <summary>
    /// Sends every row of <paramref name="table"/> that <paramref name="keptBack"/> does not hold.
    /// When reading fails part-way the call is cancelled (disposed unfinished), so the server
    /// stores nothing. Throws <see cref="RpcException"/> with the server's status.
    /// </summary>
    public static async Task<UploadResult> SendAsync(
        EvaluationService.EvaluationServiceClient client,
        RunHeader header,
        InputTable table,
        KeptBackRows keptBack,
        int batchSize,
        PublishProgress progress,
        CancellationToken cancellationToken)
    {
        var rowNumbers = new List<int>(Math.Max(0, keptBack.RowCount - keptBack.UnsendableCount));
        using var call = client.SubmitRun(cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = header }, cancellationToken).ConfigureAwait(false);
            var batch = new RecordBatch();
            var bytes = 0;
            var rows = 0;
            foreach (var row in table.ReadRows())
            {
                rows++;
                if (keptBack.Holds(row))
                {
                    continue;
                }

                var record = RecordMapper.ToProto(row);
                rowNumbers.Add(row.RowNumber);
                batch.Records.Add(record);
                bytes += RecordMapper.SizeBound(record);
                if (batch.Records.Count >= batchSize || bytes >= MaxBatchBytes)
                {
                    await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch }, cancellationToken).ConfigureAwait(false);
                    progress.Sent(rowNumbers.Count, table.Position, table.Length);
                    batch = new RecordBatch();
                    bytes = 0;
                }
            }

            if (rows != keptBack.RowCount)
            {
                throw new CommandFailure(ExitCodes.IoFailure, string.Create(CultureInfo.InvariantCulture, $"the input file changed while it was being read ({keptBack.RowCount} rows, then {rows}); nothing was published"));
            }

            if (batch.Records.Count > 0)
            {
                await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch }, cancellationToken).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RpcException || (exception is InvalidOperationException && Ended(call)))
        {
            // The call ended early: the server refused the stream (a bad header, too many records)
            // or could not be reached. Its status, the real reason, comes with the response below.
        }

        progress.Phase(string.Create(CultureInfo.InvariantCulture, $"sent {rowNumbers.Count:N0} records"));
        var response = await call.ResponseAsync.ConfigureAwait(false);
        return new UploadResult(response.Run, rowNumbers);
    }

    internal static bool Ended(AsyncClientStreamingCall<SubmitRunRequest, SubmitRunResponse> call)
    {
        try
        {
            _ = call.GetStatus();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
