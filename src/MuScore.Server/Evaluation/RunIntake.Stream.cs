using System.Threading.Channels;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Options;
using MuScore.Server.Validation;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Evaluation;

internal sealed partial class RunIntake
{
    /// <summary>Messages received but not yet checked: enough to keep the checker busy, few enough to stay a few MB.</summary>
    private const int MessagesAhead = 8;

    /// <summary>
    /// Reads the records after the header on two cores: this task receives and deserializes the
    /// messages (and checks their sizes and kinds), a second one checks their records in stream
    /// order (<see cref="RecordChecker"/>). Errors keep stream order: when the reader stops at a
    /// bad message, the records before it are checked first, and a record's own error, being
    /// earlier, wins. A checker error stops the reading at once, even while the reader waits for a
    /// message the client has not sent. Returns the bytes counted.
    /// </summary>
    private static async Task<long> ReadRecordsAsync(IAsyncStreamReader<SubmitRunRequest> stream, SubmitRunRequest first, LimitsOptions limits, long bytes, RecordChecker checker, CancellationToken cancellationToken)
    {
        var messages = Channel.CreateBounded<IEnumerable<ProtoRecord>>(new BoundedChannelOptions(MessagesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checking = Task.Run(() => CheckAsync(messages, checker, stop), CancellationToken.None);
        try
        {
            // The first message after the header was read (and counted) by the caller.
            var item = first;
            for (var message = 2; ; message++)
            {
                IEnumerable<ProtoRecord> records = item.ItemCase switch
                {
                    SubmitRunRequest.ItemOneofCase.Record => [item.Record],
                    SubmitRunRequest.ItemOneofCase.Batch => item.Batch.Records,
                    SubmitRunRequest.ItemOneofCase.Header => throw HeaderRepeated(message),
                    var other => throw Mixed(message, other, table: false),
                };

                // Closed by the checker when a record failed: its error is the one to report.
                if (!await TryWriteAsync(messages.Writer, records, stop.Token).ConfigureAwait(false)
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
            messages.Writer.TryComplete();

            // An error in an earlier message's records comes first in stream order (and is why
            // the reading was stopped, if it was).
            await checking.ConfigureAwait(false);
            throw;
        }

        messages.Writer.TryComplete();
        await checking.ConfigureAwait(false);
        return bytes;
    }

    private static RpcException HeaderRepeated(int message) =>
        Violations.One("header", "header_repeated", Text($"message {message} repeats the header; only the first message may be a header"));

    private static async Task CheckAsync(Channel<IEnumerable<ProtoRecord>> messages, RecordChecker checker, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var records in messages.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                foreach (var record in records)
                {
                    checker.Add(record);
                }
            }
        }
        catch (Exception exception)
        {
            messages.Writer.TryComplete(exception);
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Hands the next message's records or table part on; false when the consumer closed the channel (its error is the one to report).</summary>
    private static async ValueTask<bool> TryWriteAsync<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }
}
