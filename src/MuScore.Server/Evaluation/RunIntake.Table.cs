using System.Threading.Channels;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Core.Schemes;
using MuScore.Ingest;
using MuScore.Server.Errors;
using MuScore.Server.Options;
using MuScore.Server.Security;
using MuScore.Server.Validation;

namespace MuScore.Server.Evaluation;

internal sealed partial class RunIntake
{
    /// <summary>The rule of a table that cannot be read (docs/service.md).</summary>
    public const string TableFormatRule = "table_format";

    /// <summary>What the reader's messages call the uploaded file.</summary>
    private const string TableName = "the table";

    /// <summary>Parts received but not yet read: 1 MiB of the 64 KiB parts muscore publish sends, 64 MiB at most of the largest messages.</summary>
    private const int PartsAhead = 16;

    /// <summary>
    /// Reads a table upload: the parts go, as they arrive, into the reader <c>muscore rate</c> uses
    /// (<see cref="RowLoader"/>, on a thread of its own, its blocks validated and hashed on every
    /// core), and each row it gives is checked and kept by a <see cref="TableRowChecker"/>. The
    /// call ends at once when the reader or the checker fails (the reading of messages stops), and
    /// when a message is over a limit or of another kind (the reader is stopped).
    /// </summary>
    private static async Task<RunIntake> ReadTableAsync(
        RunHeader header, Scheme scheme, IAsyncStreamReader<SubmitRunRequest> stream, SubmitRunRequest first, LimitsOptions limits, long bytes, Caller caller, RecordBatch? keep, CancellationToken cancellationToken)
    {
        if (keep is not null)
        {
            // The review keeps a run's records for corrections; a table's rows are not records.
            throw ReviewErrors.Precondition("REVIEW_NEEDS_RECORDS", $"{ReviewOptions.RequiredKey} is set: the records of a run are kept for corrections, so send the rows as records, not as table parts", header.Region, header.Year);
        }

        var parts = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(PartsAhead) { SingleReader = true, SingleWriter = true });
        var checker = new TableRowChecker(caller, limits.MaxRecordsPerRun);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The reader blocks while it waits for parts: a thread of its own, not one of the pool's.
        var loading = Task.Factory.StartNew(() => LoadTable(parts, checker, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            var item = first;
            for (var message = 2; ; message++)
            {
                if (item.ItemCase != SubmitRunRequest.ItemOneofCase.TablePart)
                {
                    throw item.ItemCase == SubmitRunRequest.ItemOneofCase.Header ? HeaderRepeated(message) : Mixed(message, item.ItemCase, table: true);
                }

                // Closed by the reader when it failed: its error is the one to report.
                if (!await TryWriteAsync(parts.Writer, item.TablePart.Memory, stop.Token).ConfigureAwait(false)
                    || !await stream.MoveNext(stop.Token).ConfigureAwait(false))
                {
                    break;
                }

                item = stream.Current;
                bytes = Count(bytes, item, limits);
            }
        }
        catch (Exception)
        {
            parts.Writer.TryComplete(new UploadStoppedException());
            try
            {
                // A reader's error (a bad row seen before this message) is the one to report.
                await loading.ConfigureAwait(false);
            }
            catch (UploadStoppedException)
            {
                // The reader stopped because this error ended the upload.
            }

            throw;
        }

        parts.Writer.TryComplete();
        var result = await loading.ConfigureAwait(false);
        if (checker.Rows.Count == 0)
        {
            throw Violations.One("table_part", TableFormatRule, "the table has a header row but no data rows");
        }

        return new RunIntake(header, header.Region, header.Year, scheme, checker.Rows, result.InputHash, bytes, checker.RowOffset);
    }

    private static LoadResult LoadTable(Channel<ReadOnlyMemory<byte>> parts, TableRowChecker checker, CancellationTokenSource stop)
    {
        try
        {
            try
            {
                using var input = new TablePartStream(parts.Reader);
                using var table = TableReader.Open(input, TableName, new TableReadOptions { CsvOnly = true });
                return RowLoader.Load(table, checker);
            }
            catch (TableFormatException broken)
            {
                throw Violations.One("table_part", TableFormatRule, broken.Message);
            }
        }
        catch (Exception exception)
        {
            // Stops the reading of messages at once, even while it waits for one the client has not sent.
            parts.Writer.TryComplete(exception);
            stop.Cancel();
            throw;
        }
    }

    /// <summary>What the reader sees when the upload ended early for another reason (a limit, a bad message, the client gone).</summary>
    private sealed class UploadStoppedException : IOException
    {
        public UploadStoppedException()
            : base("the upload ended before the table did")
        {
        }
    }
}
