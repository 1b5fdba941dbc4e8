using Google.Protobuf;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using MuScore.Server.Wire;

namespace MuScore.Server.Tests.Wire;

public sealed class WireFieldLocatorTests
{
    [Fact]
    public void Find_SoundMessage_Null()
    {
        var message = new SubmitRunRequest { Batch = new RecordBatch { Records = { Records.Enterprise(1, "331082"), Records.Enterprise(2, "331082") } } };

        Assert.Null(WireFieldLocator.Find(message.ToByteArray(), SubmitRunRequest.Descriptor));
    }

    [Fact]
    public void Find_InvalidUtf8InANestedRepeatedMessage_PathWithIndex()
    {
        var record = RawGrpc.Field(1, [.. RawGrpc.Field(4, "C3670"), .. RawGrpc.Field(5, [0x41, 0xc3])]);
        var message = RawGrpc.Field(3, [.. record, .. record, .. record]);

        var fault = WireFieldLocator.Find(message, SubmitRunRequest.Descriptor);

        Assert.Equal(new WireFault("batch.records[0].scale", WireFieldLocator.Utf8Rule, fault!.Description), fault);
        Assert.Contains("offset 1", fault.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_VarintCutShort_NamesItsField()
    {
        // RunHeader.year (field 2, varint) whose last byte still says "more follows".
        var fault = WireFieldLocator.Find(RawGrpc.Field(1, [0x10, 0xe8]), SubmitRunRequest.Descriptor);

        Assert.Equal("header.year", fault!.Field);
        Assert.Equal(WireFieldLocator.MalformedRule, fault.Rule);
    }

    [Fact]
    public void Find_UnknownWireType_Malformed()
    {
        var fault = WireFieldLocator.Find([0x0f], GetRatingRequest.Descriptor);

        Assert.Equal(WireFieldLocator.MalformedRule, fault!.Rule);
        Assert.Equal("credit_code", fault.Field);
    }

    [Fact]
    public void Find_UnknownFieldNumber_NamedByNumber()
    {
        var fault = WireFieldLocator.Find([0x4a, 0x05, 0x41], GetRatingRequest.Descriptor);

        Assert.Equal("<field 9>", fault!.Field);
    }
}
