using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Four eyes over TLS with real tokens: the caller that submitted a run may not publish it;
/// another caller with runs:publish may, and both names are kept on the run. A server with
/// MuScore:Auth:AllowSelfPublish (<see cref="SecuredServerFixture"/>) lets one caller do both.
/// </summary>
public sealed class FourEyesTests(AuditedServerFixture fixture, SecuredServerFixture selfPublishing) : IClassFixture<AuditedServerFixture>, IClassFixture<SecuredServerFixture>
{
    private const int Year = 2024;

    [Fact]
    public async Task PublishRun_SubmitterPublishesOwnRun_PermissionDeniedFourEyesAndNothingPublished()
    {
        var region = Regions.Next();
        var clerk = Callers.Unique("clerk");
        using var channel = fixture.As(clerk, Callers.HeadScope, "*");
        var client = new EvaluationService.EvaluationServiceClient(channel);
        var run = await Runs.SubmitAsync(client, Runs.Header(region, Year), SmallRun.Records(region));

        var outcome = await CallOutcome.Of(() => client.PublishRunAsync(new PublishRunRequest { RunId = run.RunId }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        Assert.Equal("FOUR_EYES", outcome.Info?.Reason);
        Assert.Equal(run.RunId, outcome.Info?.Metadata["run_id"]);
        Assert.Contains(clerk, outcome.Message, StringComparison.Ordinal);
        var stored = await client.GetRunAsync(new GetRunRequest { RunId = run.RunId });
        Assert.Equal(RunState.Draft, stored.State);
        Assert.Empty(stored.Publications);
        var rating = await CallOutcome.Of(() => new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = region, Year = Year, CreditCode = Records.Code(1, region) }).ResponseAsync);
        Assert.Equal("NOTHING_PUBLISHED", rating.Info?.Reason);
    }

    [Fact]
    public async Task PublishRun_AnotherCallerWithPublishScope_PublishedByThatCallerAndGetRunShowsBoth()
    {
        var region = Regions.Next();
        var (clerk, head) = (Callers.Unique("clerk"), Callers.Unique("head"));
        using var clerkChannel = fixture.As(clerk, Callers.ClerkScope, "*");
        using var headChannel = fixture.As(head, Callers.HeadScope, "*");
        var run = await Runs.SubmitAsync(new EvaluationService.EvaluationServiceClient(clerkChannel), Runs.Header(region, Year), SmallRun.Records(region));

        var publication = (await new EvaluationService.EvaluationServiceClient(headChannel).PublishRunAsync(new PublishRunRequest { RunId = run.RunId })).Publication;

        Assert.Equal(head, publication.PublishedBy);
        Assert.Equal(1, publication.Version);
        Assert.False(publication.Rollback);
        var stored = await new EvaluationService.EvaluationServiceClient(clerkChannel).GetRunAsync(new GetRunRequest { RunId = run.RunId });
        Assert.Equal(clerk, stored.SubmittedBy);
        Assert.Equal(RunState.Published, stored.State);
        var shown = Assert.Single(stored.Publications);
        Assert.Equal((head, 1, string.Empty, false), (shown.PublishedBy, shown.Version, shown.Reason, shown.Rollback));
    }

    [Fact]
    public async Task PublishRun_SelfPublishAllowed_SubmitterPublishesAndIsRecordedAsBoth()
    {
        var region = Regions.Next();
        using var channel = selfPublishing.As("runs:submit runs:publish", "*");
        var client = new EvaluationService.EvaluationServiceClient(channel);
        var run = await Runs.SubmitAsync(client, Runs.Header(region, Year), SmallRun.Records(region));

        var publication = (await client.PublishRunAsync(new PublishRunRequest { RunId = run.RunId })).Publication;

        Assert.Equal("tester", run.SubmittedBy);
        Assert.Equal("tester", publication.PublishedBy);
        Assert.Equal(1, publication.Version);
    }
}
