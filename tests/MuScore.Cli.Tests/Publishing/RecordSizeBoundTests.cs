using MuScore.Cli.Publishing;
using MuScore.Contracts.V1;
using MuScore.Core.Records;

namespace MuScore.Cli.Tests.Publishing;

/// <summary>The size a batch is cut by is never below what the record really takes in the batch.</summary>
public sealed class RecordSizeBoundTests
{
    [Theory]
    [InlineData("")]
    [InlineData("91330100MA2B3C4D5X")]
    [InlineData("杭州某某机械制造有限公司")]
    [InlineData("emoji 🏭 and 𠀀 outside the basic plane")]
    public void SizeBound_EveryFieldTheSameText_AtLeastTheSizeInABatch(string text)
    {
        var record = EnterpriseRecordFields.FromCells(_ => text);

        Assert.True(RecordMapper.SizeBound(record) >= InBatch(record), $"{RecordMapper.SizeBound(record)} < {InBatch(record)}");
    }

    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16_383)]
    [InlineData(16_384)]
    [InlineData(300_000)]
    public void SizeBound_OneLongChineseName_AtLeastTheSizeInABatch(int length)
    {
        // Lengths where the varint of a field's or the record's size grows by a byte.
        var record = EnterpriseRecordFields.FromCells(field => field == Field.Name ? new string('厂', length) : "1");

        Assert.True(RecordMapper.SizeBound(record) >= InBatch(record));
    }

    // The record's bytes as a batch holds it: its tag, its length and itself.
    private static int InBatch(MuScore.Contracts.V1.EnterpriseRecord record) => new RecordBatch { Records = { record } }.CalculateSize();
}
