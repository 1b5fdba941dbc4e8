using Grpc.Core;
using MuScore.Cli.Connection;
using MuScore.Contracts.V1;
using MuScore.Ingest;

namespace MuScore.Cli.Publishing;

/// <summary>
/// The publish flow: check the scheme and the file's header locally (exit 2 before any call), then
/// upload through SubmitRun (a CSV as table parts, other tables as records), publish through
/// PublishRun and print the summary.
/// </summary>
internal static class PublishRunner
{
    /// <summary>
    /// A SubmitRun answer lists every rejected record and outgrows gRPC's 4 MB default for large
    /// runs with many bad rows (a million records, all rejected, is a few hundred MB).
    /// </summary>
    private const int MaxReceiveBytes = 512 * 1024 * 1024;

    /// <summary>The server's default receive limit: a larger message would be refused anyway.</summary>
    private const int MaxSendBytes = 4 * 1024 * 1024;

    public static async Task<int> RunAsync(PublishOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        var header = RunHeaderBuilder.Build(options);

        // Opened before the file is read so that a bad --ca, --cert or --key fails at once; nothing is sent yet.
        using var connection = ServerConnection.Open(options.Connection, MaxReceiveBytes, MaxSendBytes);
        var progress = new PublishProgress(console.Error);
        var client = new EvaluationService.EvaluationServiceClient(connection.Channel);
        var (keptBack, rowsRead, upload) = console.ErrorTerminal is { } terminal
            ? await ProgressBars.RunAsync(terminal, async bars =>
            {
                progress.Bars = bars;
                var done = await CheckAndSendAsync(options, console, connection, client, header, progress, cancellationToken).ConfigureAwait(false);
                bars.Complete();
                progress.Bars = null;
                return done;
            }).ConfigureAwait(false)
            : await CheckAndSendAsync(options, console, connection, client, header, progress, cancellationToken).ConfigureAwait(false);
        progress.Phase("the server rated the run");

        Publication? publication = null;
        var newVersion = false;
        if (options.Publish)
        {
            var response = await connection.CallAsync(
                "PublishRun",
                async () => await client.PublishRunAsync(new PublishRunRequest { RunId = upload.Run.RunId, Reason = options.Reason ?? string.Empty }, cancellationToken: cancellationToken).ConfigureAwait(false),
                refusal => DraftHint(refusal, upload.Run.RunId, options.Connection.Server)).ConfigureAwait(false);
            publication = response.Publication;
            newVersion = !upload.Run.Publications.Any(p => p.Version == publication.Version);
            progress.Phase("published");
        }

        console.Out.Write(PublishSummary.Format(upload, keptBack, rowsRead, publication, newVersion, options.ShownRejected, console.TableWidth));
        return ExitCodes.Success;
    }

    /// <summary>
    /// Checks the file's header (exit 2 before any call), then sends it: a CSV read with the
    /// default encoding as the file's own bytes (<see cref="TableUpload"/>), anything else, or a
    /// server that takes records only, as records after a first pass that finds the rows the wire
    /// cannot carry (<see cref="KeptBackRows"/>).
    /// </summary>
    private static async Task<(IReadOnlyList<RejectedRow> KeptBack, int RowsRead, UploadResult Upload)> CheckAndSendAsync(
        PublishOptions options, CliConsole console, ServerConnection connection, EvaluationService.EvaluationServiceClient client, RunHeader header, PublishProgress progress, CancellationToken cancellationToken)
    {
        var csv = await ReadAsync(options, table =>
        {
            if (table.IgnoredHeaders.Count > 0)
            {
                console.Error.WriteLine($"note: ignored columns: {string.Join(", ", table.IgnoredHeaders)}");
            }

            // The first data row is within the first MiB the header search read: no pass over the file.
            return table.ReadRows().Any()
                ? Task.FromResult(table.Format.StartsWith("csv", StringComparison.Ordinal))
                : throw CommandFailure.BadInput($"input file '{options.Input}' has a header but no data rows; nothing to publish");
        }).ConfigureAwait(false);

        // An explicit --encoding is honoured by the client's own reader: the server would detect the encoding itself.
        if (csv && options.Encoding == CsvEncoding.Auto)
        {
            var sent = await connection.CallAsync("SubmitRun", () => SendTableAsync(options, client, header, progress, cancellationToken)).ConfigureAwait(false);
            if (sent is not null)
            {
                return ([], sent.Run.RecordCount, sent);
            }
        }

        var keptBack = await ReadAsync(options, table => Task.FromResult(KeptBackRows.Scan(table, progress))).ConfigureAwait(false);
        if (keptBack.UnsendableCount == keptBack.RowCount)
        {
            throw CommandFailure.BadInput($"no row of '{options.Input}' can be sent (unknown booleans or cells right of the last header column); 'muscore rate' lists every problem");
        }

        var upload = await connection.CallAsync("SubmitRun", () => ReadAsync(options, table => RunUpload.SendAsync(client, header, table, keptBack, options.BatchSize, progress, cancellationToken))).ConfigureAwait(false);
        return (keptBack.Rejections(), keptBack.RowCount, upload);
    }

    /// <summary>The table upload; null when the server takes records only. A table the server cannot read is bad input (exit 2), as when the client reads it.</summary>
    private static async Task<UploadResult?> SendTableAsync(PublishOptions options, EvaluationService.EvaluationServiceClient client, RunHeader header, PublishProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            return await TableUpload.SendAsync(client, header, options.Input, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException refusal) when (TableUpload.NeedsRecords(refusal))
        {
            return null;
        }
        catch (RpcException refusal) when (TableUpload.BrokenTable(refusal) is { } problem)
        {
            throw CommandFailure.BadInput($"input file '{options.Input}' is not a readable table: {problem}");
        }
    }

    /// <summary>What to do with the draft when PublishRun refused it: another person publishes it (four eyes), or the same command again.</summary>
    private static string DraftHint(RpcException refusal, string runId, Uri server) =>
        refusal.StatusCode == StatusCode.PermissionDenied
            ? $"\n  the run {runId} is stored as a draft; a caller with runs:publish (not its submitter) publishes it with\n  muscore publish-run --server {server} --run {runId}"
            : $"\n  the run {runId} is stored as a draft; the same command again publishes it (the same file gives the same run)";

    private static async Task<T> ReadAsync<T>(PublishOptions options, Func<InputTable, Task<T>> use)
    {
        if (!File.Exists(options.Input))
        {
            throw CommandFailure.BadInput($"input file '{options.Input}' does not exist");
        }

        try
        {
            using var table = TableReader.Open(options.Input, new TableReadOptions { Encoding = options.Encoding });
            return await use(table).ConfigureAwait(false);
        }
        catch (TableFormatException exception)
        {
            throw CommandFailure.BadInput(exception.Message);
        }
    }
}
