using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Rollbacks over TLS with real tokens: run A is published (v1), the newer run B after it (v2);
/// publishing A again puts old ratings back in force, so it needs a reason, is marked a rollback,
/// and only then does GetRating serve A's ratings (v3).
/// </summary>
public sealed class RollbackTests(AuditedServerFixture fixture) : IClassFixture<AuditedServerFixture>
{
    private const int Year = 2024;

    [Fact]
    public async Task PublishRun_OlderRunAgainWithoutReason_InvalidArgumentOnReasonAndBStaysInForce()
    {
        var (region, a, b) = await PublishAThenBAsync();
        using var head = Head();

        var violations = await RpcAssert.InvalidArgument(() => Evaluation(head).PublishRunAsync(new PublishRunRequest { RunId = a.RunId }).ResponseAsync);

        RpcAssert.HasViolation(violations, "reason", "required");
        var inForce = await RatingAsync(head, region);
        Assert.Equal((b.RunId, 2), (inForce.RunId, inForce.Version));
        var runA = await Evaluation(head).GetRunAsync(new GetRunRequest { RunId = a.RunId });
        Assert.Equal([1], runA.Publications.Select(p => p.Version));
    }

    [Fact]
    public async Task PublishRun_OlderRunAgainWithReason_VersionThreeMarkedRollbackServingAsRatings()
    {
        var (region, a, _) = await PublishAThenBAsync();
        using var head = Head();
        const string Reason = "B was drawn from the wrong tax extract; A stands until it is re-run";

        var publication = (await Evaluation(head).PublishRunAsync(new PublishRunRequest { RunId = a.RunId, Reason = Reason })).Publication;

        Assert.Equal((3, true, Reason, a.RunId), (publication.Version, publication.Rollback, publication.Reason, publication.RunId));
        var runA = await Evaluation(head).GetRunAsync(new GetRunRequest { RunId = a.RunId });
        Assert.Equal([(1, false, string.Empty), (3, true, Reason)], runA.Publications.Select(p => (p.Version, p.Rollback, p.Reason)));
        var inForce = await RatingAsync(head, region);
        Assert.Equal((a.RunId, 3), (inForce.RunId, inForce.Version));
    }

    [Fact]
    public async Task PublishRun_ReasonHoldingNul_InvalidArgumentOnReasonNotInternal()
    {
        var (_, a, _) = await PublishAThenBAsync();
        using var head = Head();

        var violations = await RpcAssert.InvalidArgument(() => Evaluation(head).PublishRunAsync(new PublishRunRequest { RunId = a.RunId, Reason = "court order\0 17" }).ResponseAsync);

        RpcAssert.HasViolation(violations, "reason", "format");
    }

    private static EvaluationService.EvaluationServiceClient Evaluation(GrpcChannel channel) => new(channel);

    private GrpcChannel Head() => fixture.As(Callers.Unique("head"), Callers.HeadScope, "*");

    /// <summary>A clerk submits A, then B (newer, other tax figures); a head publishes A (v1), then B (v2).</summary>
    private async Task<(string Region, Run A, Run B)> PublishAThenBAsync()
    {
        var region = Regions.Next();
        using var clerk = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, "*");
        using var head = Head();
        var a = await Runs.SubmitAsync(Evaluation(clerk), Runs.Header(region, Year), SmallRun.Records(region, tax: 100m));
        var b = await Runs.SubmitAsync(Evaluation(clerk), Runs.Header(region, Year), SmallRun.Records(region, tax: 40m));
        Assert.NotEqual(a.RunId, b.RunId);
        Assert.Equal(1, (await Evaluation(head).PublishRunAsync(new PublishRunRequest { RunId = a.RunId })).Publication.Version);
        Assert.Equal(2, (await Evaluation(head).PublishRunAsync(new PublishRunRequest { RunId = b.RunId })).Publication.Version);
        return (region, a, b);
    }

    private static async Task<Contracts.V1.Rating> RatingAsync(GrpcChannel channel, string region) =>
        (await new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = region, Year = Year, CreditCode = Records.Code(1, region) })).Rating;
}
