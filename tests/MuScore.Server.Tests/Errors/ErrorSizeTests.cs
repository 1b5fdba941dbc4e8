using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Core.Schemes;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Errors;

/// <summary>
/// Huge bad values and floods of violations still come back as the INVALID_ARGUMENT they are:
/// every echoed value cut to 64 characters, the google.rpc.Status in the trailers at most 8 KB.
/// </summary>
public sealed class ErrorSizeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int MaxStatusBytes = 8 * 1024;

    [Fact]
    public async Task GetRating_CreditCodeOf5000Characters_InvalidArgumentEchoingAtMost64()
    {
        var code = new string('A', 5_000);

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = code, Region = "331082" }).ResponseAsync);

        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("credit_code", violation.Field);
        Assert.Contains($"'{new string('A', 64)}…'", violation.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('A', 65), violation.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('A', 65), status.Message, StringComparison.Ordinal);
        Assert.True(status.CalculateSize() <= MaxStatusBytes);
    }

    [Fact]
    public async Task GetRating_CreditCodeOf5000Characters_TrailersCarryAtMost8KB()
    {
        var request = new GetRatingRequest { CreditCode = new string('家', 5_000), Region = "331082" };

        var reply = await RawGrpc.CallAsync(fixture.Server.Address, "/muscore.v1.RatingService/GetRating", RawGrpc.Frame(request.ToByteArray()));

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.InRange(reply.DetailsBytes, 1, MaxStatusBytes);
        Assert.DoesNotContain(new string('家', 65), reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRun_SchemeJsonWith1500UnknownKeys_InvalidArgumentCountingWhatIsLeftOut()
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, 1_500).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"unknown_{i:D4}\": 1"))) + "}";
        var found = SchemeJson.Parse(json).Errors.Count;
        var header = new RunHeader { Region = Regions.Next(), Year = 2024, SchemeJson = json };

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Runs.SubmitRawAsync(fixture.Server.Evaluation, [new SubmitRunRequest { Header = header }]));

        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        var more = violations[^1];
        Assert.True(found > 1_500);
        Assert.True(status.CalculateSize() <= MaxStatusBytes);
        Assert.InRange(violations.Count, 2, 50);
        Assert.Equal(("…", "more_violations"), (more.Field, more.Reason));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"and {found - (violations.Count - 1)} more violations"), more.Description, StringComparison.Ordinal);
        Assert.All(violations.SkipLast(1), v => Assert.Equal("scheme_invalid", v.Reason));
    }

    [Fact]
    public async Task SubmitRun_SchemeJsonKeysOf3000Characters_EachEchoBounded()
    {
        var key = new string('k', 3_000);
        var json = "{" + string.Join(",", Enumerable.Range(0, 20).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"{key}{i}\": 1"))) + "}";
        var header = new RunHeader { Region = Regions.Next(), Year = 2024, SchemeJson = json };

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Runs.SubmitRawAsync(fixture.Server.Evaluation, [new SubmitRunRequest { Header = header }]));

        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.True(status.CalculateSize() <= MaxStatusBytes);
        Assert.All(violations, v => Assert.DoesNotContain(new string('k', 129), v.Field + v.Description, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Description.Contains($"'{new string('k', 64)}…'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BatchGetRatings_1000LongBadCodes_InvalidArgumentWithinTheBudget()
    {
        var request = new BatchGetRatingsRequest { Region = "331082" };
        request.CreditCodes.AddRange(Enumerable.Range(0, 1_000).Select(i => new string('Z', 200) + i.ToString(CultureInfo.InvariantCulture)));

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => fixture.Server.Ratings.BatchGetRatingsAsync(request).ResponseAsync);

        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.True(status.CalculateSize() <= MaxStatusBytes);
        Assert.Equal("credit_codes[0]", violations[0].Field);
        Assert.Equal("more_violations", violations[^1].Reason);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"and {1_000 - (violations.Count - 1)} more"), violations[^1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRun_RecordWith4000CharacterValues_RejectedRecordEchoesBounded()
    {
        var region = Regions.Next();
        var huge = new string('9', 4_000) + "x";
        var bad = Records.Enterprise(1, region);
        bad.CreditCode = new string('Q', 4_000);
        bad.Name = new string('名', 4_000);
        bad.Tax = huge;
        bad.Scale = huge;

        var run = await Runs.SubmitAsync(fixture.Server.Evaluation, Runs.Header(region, 2024), [bad, Records.Enterprise(2, region)]);

        var rejected = Assert.Single(run.Rejected);
        Assert.Equal(new string('Q', 64) + "…", rejected.CreditCode);
        Assert.True(rejected.Violations.Count >= 3);
        Assert.All(rejected.Violations, v =>
        {
            Assert.DoesNotContain(new string('9', 65), v.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(new string('Q', 65), v.Description, StringComparison.Ordinal);
        });
        Assert.Contains(rejected.Violations, v => v.Field == "tax" && v.Description.Contains($"'{new string('9', 64)}…'", StringComparison.Ordinal));
        Assert.True(Encoding.UTF8.GetByteCount(rejected.ToString()) < 4_000);
    }
}
