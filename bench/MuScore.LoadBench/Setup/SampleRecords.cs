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

    private static EnterpriseRecord FromCells(string[] cells) => new()
    {
        CreditCode = cells[(int)Field.CreditCode],
        Name = cells[(int)Field.Name],
        Region = cells[(int)Field.Region],
        Industry = cells[(int)Field.Industry],
        Scale = cells[(int)Field.Scale],
        LandOwnMu = cells[(int)Field.LandOwnMu],
        LandLeasedInMu = cells[(int)Field.LandLeasedInMu],
        LandLeasedOutMu = cells[(int)Field.LandLeasedOutMu],
        Tax = cells[(int)Field.Tax],
        ValueAdded = cells[(int)Field.ValueAdded],
        Revenue = cells[(int)Field.Revenue],
        EnergyTce = cells[(int)Field.EnergyTce],
        Electricity = cells[(int)Field.Electricity],
        Water = cells[(int)Field.Water],
        Cod = cells[(int)Field.Cod],
        Nh3N = cells[(int)Field.Nh3n],
        So2 = cells[(int)Field.So2],
        Nox = cells[(int)Field.Nox],
        Employees = cells[(int)Field.Employees],
        Rd = cells[(int)Field.Rd],
        FixedAssetInvestment = cells[(int)Field.FixedAssetInvestment],
        InConstruction = cells[(int)Field.InConstruction],
        ProductionStart = cells[(int)Field.ProductionStart],
        MajorIncident = cells[(int)Field.MajorIncident],
        FailsStandards = cells[(int)Field.FailsStandards],
        BonusPoints = cells[(int)Field.BonusPoints],
        PenaltyPoints = cells[(int)Field.PenaltyPoints],
    };

}
