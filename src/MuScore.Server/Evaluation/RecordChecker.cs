using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Core.Hashing;
using MuScore.Core.Records;
using MuScore.Server.Errors;
using MuScore.Server.Mapping;
using MuScore.Server.Security;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Evaluation;

/// <summary>
/// Checks a run's records one at a time, in stream order: the caller's right to each record's
/// region, the record limit, validation into the core's form and the input hash. One per run,
/// used from one thread at a time.
/// </summary>
internal sealed class RecordChecker(Caller caller, int maxRecords, RecordBatch? keep) : IDisposable
{
    private readonly RecordParser parser = new();
    private readonly InputHasher hasher = new();

    public IntakeRows Rows { get; } = new();

    /// <summary>
    /// Checks and keeps the next record. Throws RESOURCE_EXHAUSTED at the first record over
    /// the limit and PERMISSION_DENIED for a region beyond the caller's prefixes (a record of
    /// another region the caller may act on is rated as before: rejected, other_region).
    /// </summary>
    public void Add(ProtoRecord record)
    {
        if (Rows.Count == maxRecords)
        {
            throw RpcErrors.TooManyRecords(maxRecords);
        }

        var region = record.Region.Trim();
        if (region.Length > 0 && !caller.MayActOn(region))
        {
            throw RpcErrors.RegionDenied(caller.Id, string.Create(CultureInfo.InvariantCulture, $"record[{Rows.Count + 1}].region"), region);
        }

        var row = new ProtoRecordRow(record, Rows.Count + 1);
        hasher.Append(row);
        Rows.Add(parser.Parse(row));
        keep?.Records.Add(record);
    }

    /// <summary>The input hash of every record added; call once, after the last.</summary>
    public string Finish() => hasher.Finish();

    public void Dispose() => hasher.Dispose();
}
