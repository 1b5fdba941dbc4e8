using Google.Rpc;
using Grpc.Core;
using MuScore.TestSupport.Server;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Wire;

/// <summary>
/// Requests no generated client would send, posted as raw gRPC frames over HTTP/2: bytes that are
/// not UTF-8 in a string field, protobuf that is cut short or garbage. Each is INVALID_ARGUMENT
/// naming the field, for unary and streaming calls alike, and none is logged as a server failure.
/// </summary>
public sealed class MalformedInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly byte[] NotUtf8 = [0xff, 0xfe];

    private Uri Server => fixture.Server.Address;

    [Fact]
    public async Task GetRating_CreditCodeNotUtf8_InvalidArgumentNamingCreditCode()
    {
        var logs = CapturedLogs.Of(fixture.Server);
        var request = Concat(RawGrpc.Field(1, NotUtf8), RawGrpc.Field(2, "331082"));

        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.RatingService/GetRating", RawGrpc.Frame(request));

        var violation = SingleViolation(reply);
        Assert.Equal("credit_code", violation.Field);
        Assert.Equal("utf8", violation.Reason);
        Assert.Contains("0xFF", violation.Description, StringComparison.Ordinal);
        Assert.Empty(logs.Named("UnexpectedFailure"));
    }

    [Fact]
    public async Task ListAuditEvents_CallerNotUtf8_InvalidArgumentNamingCaller()
    {
        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.AuditService/ListAuditEvents", RawGrpc.Frame(RawGrpc.Field(3, NotUtf8)));

        var violation = SingleViolation(reply);
        Assert.Equal("caller", violation.Field);
        Assert.Equal("utf8", violation.Reason);
    }

    [Fact]
    public async Task GetRating_TruncatedMessage_InvalidArgumentNamingTheFieldCutShort()
    {
        // Field 1 announces 80 bytes; 1 follows.
        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.RatingService/GetRating", RawGrpc.Frame([0x0a, 0x50, 0x41]));

        var violation = SingleViolation(reply);
        Assert.Equal("credit_code", violation.Field);
        Assert.Equal("malformed", violation.Reason);
    }

    [Fact]
    public async Task GetRating_GarbageBytes_InvalidArgumentMalformed()
    {
        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.RatingService/GetRating", RawGrpc.Frame([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));

        Assert.Equal("malformed", SingleViolation(reply).Reason);
    }

    [Fact]
    public async Task SubmitRun_RecordCreditCodeNotUtf8_InvalidArgumentNamingTheRecordField()
    {
        var logs = CapturedLogs.Of(fixture.Server);
        var record = RawGrpc.Field(2, Concat(RawGrpc.Field(1, NotUtf8), RawGrpc.Field(3, "331082")));

        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.EvaluationService/SubmitRun", RawGrpc.Frame(Header()), RawGrpc.Frame(record));

        var violation = SingleViolation(reply);
        Assert.Equal("record.credit_code", violation.Field);
        Assert.Equal("utf8", violation.Reason);
        Assert.Empty(logs.Named("UnexpectedFailure"));
    }

    [Fact]
    public async Task SubmitRun_ThirdRecordOfABatchNotUtf8_InvalidArgumentNamingItsIndex()
    {
        var good = RawGrpc.Field(1, Concat(RawGrpc.Field(1, "91331082MA2AAAAAAA"), RawGrpc.Field(2, "某某公司")));
        var bad = RawGrpc.Field(1, Concat(RawGrpc.Field(1, "91331082MA2AAAAAAA"), RawGrpc.Field(2, NotUtf8)));
        var batch = RawGrpc.Field(3, Concat(good, good, bad));

        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.EvaluationService/SubmitRun", RawGrpc.Frame(Header()), RawGrpc.Frame(batch));

        var violation = SingleViolation(reply);
        Assert.Equal("batch.records[2].name", violation.Field);
        Assert.Equal("utf8", violation.Reason);
    }

    [Fact]
    public async Task SubmitRun_TruncatedRecord_InvalidArgumentMalformed()
    {
        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.EvaluationService/SubmitRun", RawGrpc.Frame(Header()), RawGrpc.Frame([0x12, 0x50, 0x41]));

        var violation = SingleViolation(reply);
        Assert.Equal("record", violation.Field);
        Assert.Equal("malformed", violation.Reason);
    }

    [Fact]
    public async Task QuoteTariff_CreditCodeNotUtf8_InvalidArgumentNamingCreditCode()
    {
        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.PolicyService/QuoteTariff", RawGrpc.Frame(RawGrpc.Field(1, NotUtf8)));

        Assert.Equal("credit_code", SingleViolation(reply).Field);
    }

    [Fact]
    public async Task GetRating_WellFormedRawRequest_AnsweredAsUsual()
    {
        // The same hand-made framing with sound bytes reaches the handler: its own validation answers.
        var request = Concat(RawGrpc.Field(1, "not-a-code"), RawGrpc.Field(2, "331082"));

        var reply = await RawGrpc.CallAsync(Server, "/muscore.v1.RatingService/GetRating", RawGrpc.Frame(request));

        var violation = SingleViolation(reply);
        Assert.Equal("credit_code", violation.Field);
        Assert.Equal("credit_code_format", violation.Reason);
    }

    // RunHeader { region = "331082", year = 2024, scheme_name = "zj-standard" } as SubmitRunRequest.header.
    private static byte[] Header() => RawGrpc.Field(1, Concat(RawGrpc.Field(1, "331082"), [0x10, 0xe8, 0x0f], RawGrpc.Field(3, "zj-standard")));

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static BadRequest.Types.FieldViolation SingleViolation(RawReply reply)
    {
        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.NotNull(reply.Details);
        var badRequest = reply.Details.Details.Single().Unpack<BadRequest>();
        return Assert.Single(badRequest.FieldViolations);
    }
}
