using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Security;
using MuScore.Server.Tests.Support;
using MuScore.Store.Audit;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// Every refused call to a write RPC is written as <c>call.refused</c>: who (empty without a
/// credential), why (status, reason and message), the method, and the region and run when the
/// refusal concerns one, so that the region's auditor sees it. Refused reads are not written.
/// Tests of one class run in turn on their server, so the refusals after a test's first sequence
/// number are its own.
/// </summary>
public sealed class RefusalEntryTests(AuditedServerFixture fixture) : IClassFixture<AuditedServerFixture>
{
    private const int Year = 2024;
    private const string SubmitRun = "/muscore.v1.EvaluationService/SubmitRun";
    private const string PublishRun = "/muscore.v1.EvaluationService/PublishRun";

    [Fact]
    public async Task SubmitRun_NoCredential_CallRefusedWithoutCallerSayingCredentialMissing()
    {
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);
        using var anonymous = fixture.Server.ChannelAs(null);

        var outcome = await CallOutcome.Of(() => Runs.SubmitAsync(Evaluation(anonymous), Runs.Header("331082", Year), SmallRun.Records("331082")));

        Assert.Equal(StatusCode.Unauthenticated, outcome.Code);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal(string.Empty, refusal.Caller);
        Assert.Null(refusal.Region);
        Assert.Contains("CREDENTIAL_MISSING", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(SubmitRun, Detail(refusal).GetProperty("method").GetString());
    }

    [Fact]
    public async Task PublishRun_MissingScope_CallRefusedWithTheCallerAndTheScopeNeeded()
    {
        var run = await SubmitAsync(Regions.Next());
        var clerk = Callers.Unique("clerk");
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);
        using var channel = fixture.As(clerk, Callers.ClerkScope, "*");

        var outcome = await CallOutcome.Of(() => Evaluation(channel).PublishRunAsync(new PublishRunRequest { RunId = run.RunId }).ResponseAsync);

        Assert.Equal("MISSING_SCOPE", outcome.Info?.Reason);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal(clerk, refusal.Caller);
        Assert.StartsWith("PermissionDenied: MISSING_SCOPE: ", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("runs:publish", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(PublishRun, Detail(refusal).GetProperty("method").GetString());
    }

    [Fact]
    public async Task PublishRun_OwnRun_CallRefusedFourEyesNamingTheRunAndItsRegion()
    {
        var region = Regions.Next();
        var clerk = Callers.Unique("clerk");
        using var channel = fixture.As(clerk, Callers.HeadScope, "*");
        var run = await Runs.SubmitAsync(Evaluation(channel), Runs.Header(region, Year), SmallRun.Records(region));
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);

        var outcome = await CallOutcome.Of(() => Evaluation(channel).PublishRunAsync(new PublishRunRequest { RunId = run.RunId }).ResponseAsync);

        Assert.Equal("FOUR_EYES", outcome.Info?.Reason);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal((clerk, region, run.RunId), (refusal.Caller, refusal.Region, refusal.RunId));
        Assert.StartsWith("PermissionDenied: FOUR_EYES: ", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishRun_RunOfAForeignRegion_CallRefusedNamingThatRegion()
    {
        var region = Regions.Next();
        var run = await SubmitAsync(region);
        var head = Callers.Unique("head");
        using var channel = fixture.As(head, Callers.HeadScope, "3310");
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);

        var outcome = await CallOutcome.Of(() => Evaluation(channel).PublishRunAsync(new PublishRunRequest { RunId = run.RunId }).ResponseAsync);

        Assert.Equal("REGION_NOT_ALLOWED", outcome.Info?.Reason);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal((head, region), (refusal.Caller, refusal.Region));
        Assert.Contains("REGION_NOT_ALLOWED", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRun_HeaderRegionForeign_CallRefusedNamingThatRegion()
    {
        var clerk = Callers.Unique("clerk");
        using var channel = fixture.As(clerk, Callers.ClerkScope, "3310");
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);

        var outcome = await CallOutcome.Of(() => Runs.SubmitAsync(Evaluation(channel), Runs.Header("350206", Year), SmallRun.Records("350206")));

        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal((clerk, "350206"), (refusal.Caller, refusal.Region));
        Assert.Equal(SubmitRun, Detail(refusal).GetProperty("method").GetString());
    }

    [Fact]
    public async Task PublishRun_RollbackWithoutReason_CallRefusedNamingTheRunRegionAndYear()
    {
        var region = Regions.Next();
        var head = Callers.Unique("head");
        var a = await SubmitAsync(region, tax: 100m);
        var b = await SubmitAsync(region, tax: 40m);
        using var channel = fixture.As(head, Callers.HeadScope, "*");
        await Evaluation(channel).PublishRunAsync(new PublishRunRequest { RunId = a.RunId });
        await Evaluation(channel).PublishRunAsync(new PublishRunRequest { RunId = b.RunId });
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);

        var outcome = await CallOutcome.Of(() => Evaluation(channel).PublishRunAsync(new PublishRunRequest { RunId = a.RunId }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, outcome.Code);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal((head, region, (int?)Year, a.RunId), (refusal.Caller, refusal.Region, refusal.Year, refusal.RunId));
        Assert.StartsWith("InvalidArgument: reason required: ", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRating_MissingScope_RefusedButNotWritten()
    {
        using var channel = fixture.As(Callers.Unique("meter"), "policy:quote", "*");
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);

        var outcome = await CallOutcome.Of(() => new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = "331082", CreditCode = Records.Code(1, "331082") }).ResponseAsync);

        Assert.Equal("MISSING_SCOPE", outcome.Info?.Reason);
        Assert.Empty(await RefusalsAfterAsync(before));
    }

    [Fact]
    public async Task SubmitRun_TokenWhoseSubTheLogCannotHold_UnauthenticatedBeforeAnyWorkAndWrittenWithoutCaller()
    {
        var before = await AuditEntries.LastSequenceAsync(fixture.Log);
        using var channel = fixture.As(new string('x', 300), Callers.ClerkScope, "*");

        var outcome = await CallOutcome.Of(() => Runs.SubmitAsync(Evaluation(channel), Runs.Header("331082", Year), SmallRun.Records("331082")));

        Assert.Equal(StatusCode.Unauthenticated, outcome.Code);
        Assert.Equal("CALLER_ID_INVALID", outcome.Info?.Reason);
        var refusal = Assert.Single(await RefusalsAfterAsync(before));
        Assert.Equal(string.Empty, refusal.Caller);
        Assert.Contains("CALLER_ID_INVALID", refusal.Reason, StringComparison.Ordinal);
    }

    private static EvaluationService.EvaluationServiceClient Evaluation(GrpcChannel channel) => new(channel);

    private static JsonElement Detail(AuditRecord record)
    {
        using var document = JsonDocument.Parse(record.Detail!);
        return document.RootElement.Clone();
    }

    private async Task<List<AuditRecord>> RefusalsAfterAsync(long before) =>
        [.. (await AuditEntries.AllAsync(fixture.Log, kinds: [AuditKinds.CallRefused], after: before)).Select(e => e.Record)];

    private async Task<Run> SubmitAsync(string region, decimal tax = 100m)
    {
        using var clerk = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, "*");
        return await Runs.SubmitAsync(Evaluation(clerk), Runs.Header(region, Year), SmallRun.Records(region, tax: tax));
    }
}
