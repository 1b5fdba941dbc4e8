using MuScore.Core.Records;
using MuScore.Server.Mapping;
using MuScore.Server.Tests.Support;
using EnterpriseRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Tests.Mapping;

public sealed class ProtoRecordRowTests
{
    [Fact]
    public void RowNumber_ThirdRecord_IsFourSoThatRecordNumbersArePositions() =>
        Assert.Equal(4, new ProtoRecordRow(new EnterpriseRecord(), recordNumber: 3).RowNumber);

    [Fact]
    public void Cell_EveryField_ReadsTheMatchingProtoField()
    {
        var record = Records.Enterprise(1, "331082");
        record.LandLeasedInMu = "1.5";
        record.MajorIncident = "是";
        record.ProductionStart = "2020-03-01";

        var row = new ProtoRecordRow(record, 1);

        Assert.Equal(record.CreditCode, row.Cell(Field.CreditCode).ToString());
        Assert.Equal("1.5", row.Cell(Field.LandLeasedInMu).ToString());
        Assert.Equal("0.2", row.Cell(Field.Nh3n).ToString());
        Assert.Equal("是", row.Cell(Field.MajorIncident).ToString());
        Assert.Equal(string.Empty, row.Cell(Field.FailsStandards).ToString());
        Assert.Equal("2020-03-01", row.Cell(Field.ProductionStart).ToString());
        Assert.False(row.IsBlank);
    }

    [Fact]
    public void Parse_ProtoRecord_SameRecordAsTheSampleRow()
    {
        var cells = Core.Sampling.SampleGenerator.Generate(new Core.Sampling.SampleOptions { Count = 5, Seed = 3, Regions = ["331082"] }).ToList();
        var expected = Core.Sampling.SampleGenerator.GenerateRecords(new Core.Sampling.SampleOptions { Count = 5, Seed = 3, Regions = ["331082"] }).ToList();
        var parser = new RecordParser();

        var parsed = cells.Select((c, i) => parser.Parse(new ProtoRecordRow(Records.FromCells(c), i + 1)).Record!).ToList();

        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void IsBlank_DefaultMessage_TrueAndRejectedAsBlankRow()
    {
        var row = new ProtoRecordRow(new EnterpriseRecord(), 1);

        var parsed = new RecordParser().Parse(row);

        Assert.True(row.IsBlank);
        Assert.Equal(ProblemRule.BlankRow, Assert.Single(parsed.Problems).Rule);
    }
}
