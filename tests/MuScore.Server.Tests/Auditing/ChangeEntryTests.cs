using System.Text.Json;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;
using MuScore.Store.Audit;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// Every change to what is stored or in force, made through the server over TLS with real tokens,
/// leaves its entry: who, when, which region, year, run and version, and a rollback's reason.
/// </summary>
public sealed class ChangeEntryTests(AuditedServerFixture fixture) : IClassFixture<AuditedServerFixture>
{
    private const int Year = 2024;

    [Fact]
    public async Task SubmitRun_Stored_RunSubmittedEntryWithCallerRegionYearRunAndCounts()
    {
        var region = Regions.Next();
        var clerk = Callers.Unique("clerk");
        using var channel = fixture.As(clerk, Callers.ClerkScope, "*");
        var before = DateTimeOffset.UtcNow;

        var run = await Runs.SubmitAsync(new EvaluationService.EvaluationServiceClient(channel), Runs.Header(region, Year), SmallRun.Records(region, count: 4));

        var entry = Assert.Single(await AuditEntries.AllAsync(fixture.Log, clerk));
        var record = entry.Record;
        Assert.Equal((AuditKinds.RunSubmitted, clerk, region, Year, run.RunId), (record.Kind, record.Caller, record.Region, record.Year, record.RunId));
        Assert.Null(record.Version);
        Assert.InRange(record.At, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        using var detail = JsonDocument.Parse(record.Detail!);
        Assert.Equal(4, detail.RootElement.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task PublishRun_Published_RunPublishedEntryWithPublisherAndVersion()
    {
        var region = Regions.Next();
        var (clerk, head) = (Callers.Unique("clerk"), Callers.Unique("head"));
        using var clerkChannel = fixture.As(clerk, Callers.ClerkScope, "*");
        using var headChannel = fixture.As(head, Callers.HeadScope, "*");
        var run = await Runs.SubmitAsync(new EvaluationService.EvaluationServiceClient(clerkChannel), Runs.Header(region, Year), SmallRun.Records(region));

        var publication = (await new EvaluationService.EvaluationServiceClient(headChannel).PublishRunAsync(new PublishRunRequest { RunId = run.RunId, Reason = "annual publication" })).Publication;

        var entry = Assert.Single(await AuditEntries.AllAsync(fixture.Log, head));
        var record = entry.Record;
        Assert.Equal(
            (AuditKinds.RunPublished, head, region, (int?)Year, run.RunId, (int?)publication.Version, "annual publication"),
            (record.Kind, record.Caller, record.Region, record.Year, record.RunId, record.Version, record.Reason));
        Assert.Equal(1, publication.Version);
    }

    [Fact]
    public async Task PublishRun_Rollback_RunRollbackEntryWithReasonAndWhatItReplaced()
    {
        var region = Regions.Next();
        var (clerk, head) = (Callers.Unique("clerk"), Callers.Unique("head"));
        using var clerkChannel = fixture.As(clerk, Callers.ClerkScope, "*");
        using var headChannel = fixture.As(head, Callers.HeadScope, "*");
        var submit = new EvaluationService.EvaluationServiceClient(clerkChannel);
        var publish = new EvaluationService.EvaluationServiceClient(headChannel);
        var a = await Runs.SubmitAsync(submit, Runs.Header(region, Year), SmallRun.Records(region, tax: 100m));
        var b = await Runs.SubmitAsync(submit, Runs.Header(region, Year), SmallRun.Records(region, tax: 40m));
        await publish.PublishRunAsync(new PublishRunRequest { RunId = a.RunId });
        await publish.PublishRunAsync(new PublishRunRequest { RunId = b.RunId });

        await publish.PublishRunAsync(new PublishRunRequest { RunId = a.RunId, Reason = "B used the wrong tax extract" });

        var entries = await AuditEntries.AllAsync(fixture.Log, head);
        Assert.Equal([AuditKinds.RunPublished, AuditKinds.RunPublished, AuditKinds.RunRollback], entries.Select(e => e.Record.Kind));
        var rollback = entries[^1].Record;
        Assert.Equal((a.RunId, (int?)3, "B used the wrong tax extract"), (rollback.RunId, rollback.Version, rollback.Reason));
        using var detail = JsonDocument.Parse(rollback.Detail!);
        Assert.Equal(2, detail.RootElement.GetProperty("replaces_version").GetInt32());
        Assert.Equal(b.RunId, detail.RootElement.GetProperty("replaces_run_id").GetString());
    }
}
