using MuScore.Core.Records;
using MuScore.Core.Sampling;
using MuScore.Server.Evaluation;
using MuScore.Server.Mapping;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Evaluation;

public sealed class IntakeRowsTests
{
    [Fact]
    public void Indexer_EveryRow_EqualsWhatTheParserGave()
    {
        // Bad rows of every kind among good ones: valid rows are rebuilt on each read, invalid ones kept.
        var options = new SampleOptions { Count = 300, Seed = 5, BadRowRate = 0.2, Regions = ["331082"] };
        var parser = new RecordParser();
        var parsed = SampleGenerator.Generate(options).Select((cells, i) => parser.Parse(new ProtoRecordRow(Records.FromCells(cells), i + 1))).ToList();
        var rows = new IntakeRows();

        foreach (var row in parsed)
        {
            rows.Add(row);
        }

        Assert.Contains(parsed, r => r.Record is null);
        Assert.Equal(parsed.Count, rows.Count);
        Assert.Equal(parsed, rows);
        Assert.All(Enumerable.Range(0, parsed.Count), i => Assert.Equal(parsed[i], rows[i]));
    }

    [Fact]
    public void Add_RowOutOfOrder_Refused()
    {
        var rows = new IntakeRows();

        Assert.Throws<ArgumentException>(() => rows.Add(new ParsedRow { RowNumber = 3 }));
    }
}
