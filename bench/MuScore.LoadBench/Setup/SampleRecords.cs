using MuScore.Contracts.V1;
using MuScore.Core.Records;
using MuScore.Core.Sampling;
using EnterpriseRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.LoadBench.Setup;

/// <summary>The sample generator's rows (English cells, no bad rows) as SubmitRun batches of proto records.</summary>
internal static class SampleRecords
{
    /// <summary>Records per SubmitRun message: docs/service.md advises about 1,000 (well under the 4 MB message limit).</summary>
    public const int BatchSize = 1_000;

    public static List<RecordBatch> Batches(SampleOptions options, List<string> codes)
    {
        var batches = new List<RecordBatch>(options.Count / BatchSize + 1);
        RecordBatch? batch = null;
        foreach (var cells in SampleGenerator.Generate(options))
        {
            if (batch is null || batch.Records.Count == BatchSize)
            {
                batch = new RecordBatch();
                batches.Add(batch);
            }

            var record = FromCells(cells);
            codes.Add(record.CreditCode);
            batch.Records.Add(record);
        }

        return batches;
    }

    /// <summary>The same batches made one at a time as they are consumed, so a 1M-record upload never holds the whole sample.</summary>
    public static IEnumerable<RecordBatch> Lazily(SampleOptions options)
    {
        var batch = new RecordBatch();
        foreach (var cells in SampleGenerator.Generate(options))
        {
            batch.Records.Add(FromCells(cells));
            if (batch.Records.Count == BatchSize)
            {
                yield return batch;
                batch = new RecordBatch();
            }
        }

        if (batch.Records.Count > 0)
        {
            yield return batch;
        }
    }

    private static EnterpriseRecord FromCells(string[] cells) => EnterpriseRecordFields.FromCells(field => cells[(int)field]);
}
