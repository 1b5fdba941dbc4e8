using System.Globalization;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Core.Hashing;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Server.Errors;
using MuScore.Server.Mapping;
using MuScore.Server.Options;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Evaluation;

/// <summary>
/// A SubmitRun stream read whole: its header, the scheme, every record validated, and the input
/// hash. Each record is parsed into the core's validated form as it arrives (regions and
/// industries shared through the parser's pool, figures packed, <see cref="IntakeRows"/>) and
/// its message dropped, so the run is held once, compactly, not as the wire's per-cell strings.
/// </summary>
internal sealed partial class RunIntake
{
    private IntakeRows? rows;

    private RunIntake(RunHeader header, string region, int year, Scheme scheme, IntakeRows rows, string inputHash, long bytes, int? tableRowOffset = null)
    {
        TableRowOffset = tableRowOffset;
        Header = header;
        Region = region;
        Year = year;
        Scheme = scheme;
        this.rows = rows;
        RecordCount = rows.Count;
        InputHash = inputHash;
        Bytes = bytes;
    }

    /// <summary>The header as sent (kept with the records of a run that may be corrected).</summary>
    public RunHeader Header { get; }

    public string Region { get; }

    public int Year { get; }

    public Scheme Scheme { get; }

    public string InputHash { get; }

    /// <summary>Records received.</summary>
    public int RecordCount { get; }

    /// <summary>The serialized sizes of all the stream's messages added up.</summary>
    public long Bytes { get; }

    /// <summary>For a table upload, what turns record n into the file's row n + offset; null for records.</summary>
    public int? TableRowOffset { get; }

    /// <summary>
    /// Hands the validated rows over, once: whoever rates them owns them, and nothing else keeps a
    /// million rows alive while the ratings are built and stored.
    /// </summary>
    public IntakeRows TakeRows() =>
        Interlocked.Exchange(ref rows, null) ?? throw new InvalidOperationException("the rows of this intake were already taken");

    /// <summary>
    /// Reads the stream: the header first (INVALID_ARGUMENT when it is missing or bad), then
    /// records one at a time or in batches, each validated and hashed as it arrives. Stops with
    /// RESOURCE_EXHAUSTED as soon as the messages exceed <see cref="LimitsOptions.MaxRunBytes"/>
    /// or the records <see cref="LimitsOptions.MaxRecordsPerRun"/>; INVALID_ARGUMENT when no
    /// record came at all. When <c>keep</c> is given, every record received is added to it too
    /// (MuScore:Review:Required keeps a run's records for corrections).
    /// </summary>
    public static async Task<RunIntake> ReadAsync(IAsyncStreamReader<SubmitRunRequest> stream, LimitsOptions limits, Caller caller, CancellationToken cancellationToken, RecordBatch? keep = null)
    {
        if (!await stream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw Violations.One("header", FieldRules.Required, "the stream is empty: the first message must be the run header");
        }

        var bytes = Count(0, stream.Current, limits);
        if (stream.Current.ItemCase != SubmitRunRequest.ItemOneofCase.Header)
        {
            throw Violations.One("header", FieldRules.Required, "the first message must be the run header (region, year, scheme), before any record");
        }

        var header = stream.Current.Header;
        var violations = new Violations();
        EvaluationRequests.ValidateHeader(violations, header);
        var scheme = SchemeResolver.Resolve(header, violations);
        violations.ThrowIfAny();

        // Object-level authorisation before a single record is read: the run's region, then each record's.
        if (!caller.MayActOn(header.Region))
        {
            throw RpcErrors.RegionDenied(caller.Id, "header.region", header.Region);
        }

        if (!await stream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw NoRecords();
        }

        var first = stream.Current;
        bytes = Count(bytes, first, limits);
        if (first.ItemCase == SubmitRunRequest.ItemOneofCase.TablePart)
        {
            // A null scheme always came with a violation, thrown above.
            return await ReadTableAsync(header, scheme!, stream, first, limits, bytes, caller, keep, cancellationToken).ConfigureAwait(false);
        }

        using var checker = new RecordChecker(caller, limits.MaxRecordsPerRun, keep);
        bytes = await ReadRecordsAsync(stream, first, limits, bytes, checker, cancellationToken).ConfigureAwait(false);
        if (checker.Rows.Count == 0)
        {
            throw NoRecords();
        }

        // A null scheme always came with a violation, thrown above.
        return new RunIntake(header, header.Region, header.Year, scheme!, checker.Rows, checker.Finish(), bytes);
    }

    /// <summary>
    /// An intake of records already at hand (a correction's: the base run's records with the
    /// corrected ones in place), validated and hashed exactly as a SubmitRun of the same header and
    /// records, so the same records give the same run id either way. The header was validated
    /// when its run was submitted; its scheme is resolved again.
    /// </summary>
    public static RunIntake FromRecords(RunHeader header, IReadOnlyList<ProtoRecord> records, Caller caller)
    {
        var violations = new Violations();
        var scheme = SchemeResolver.Resolve(header, violations);
        violations.ThrowIfAny();
        using var checker = new RecordChecker(caller, int.MaxValue, keep: null);
        long bytes = 0;
        foreach (var record in records)
        {
            bytes += record.CalculateSize();
            checker.Add(record);
        }

        return new RunIntake(header, header.Region, header.Year, scheme!, checker.Rows, checker.Finish(), bytes);
    }

    // Checked as each message arrives, before its records are kept: the call ends at the first message over the limit.
    private static long Count(long bytes, SubmitRunRequest message, LimitsOptions limits)
    {
        var total = bytes + message.CalculateSize();
        return total > limits.MaxRunBytes ? throw RpcErrors.RunTooLarge(limits.MaxRunBytes) : total;
    }

    private static RpcException NoRecords() => Violations.One("record", FieldRules.Required, "no records were sent after the header");

    /// <summary>A message that is neither what the call carries (records or table parts) nor a header.</summary>
    private static RpcException Mixed(int message, SubmitRunRequest.ItemOneofCase kind, bool table) =>
        kind == SubmitRunRequest.ItemOneofCase.None
            ? Violations.One("item", FieldRules.Required, Text($"message {message} holds neither a record, a batch nor a table part"))
            : Violations.One("item", "mixed", Text($"message {message} holds {(table ? "records" : "a table part")}, but the call's first message after the header held {(table ? "a table part" : "records")}; one call sends records or one table, not both"));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
