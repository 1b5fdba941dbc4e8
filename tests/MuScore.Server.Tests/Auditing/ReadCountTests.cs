using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Auditing;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;
using MuScore.Store.Audit;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// Reads are counted per caller, method and hour and appended as <c>reads.counted</c>: at each
/// flush (MuScore:Audit:ReadCountFlushSeconds) and when asked. A read that is not found still
/// counts: it was served.
/// </summary>
public sealed class ReadCountTests(AuditedServerFixture fixture) : IClassFixture<AuditedServerFixture>
{
    private const string GetRating = "/muscore.v1.RatingService/GetRating";
    private const string ListRuns = "/muscore.v1.EvaluationService/ListRuns";

    [Fact]
    public async Task GetRating_CalledSevenTimesThenFlushed_ReadsCountedForThatCallerCountsSeven()
    {
        var reader = Callers.Unique("grid");
        using var channel = fixture.As(reader, "ratings:read runs:submit", "*");
        await ReadAsync(channel, getRatings: 7, listRuns: 2);

        await fixture.Server.Services.GetRequiredService<ReadCountFlusher>().FlushAsync(CancellationToken.None);

        var entries = await AuditEntries.AllAsync(fixture.Log, reader);
        Assert.All(entries, e => Assert.Equal((AuditKinds.ReadsCounted, (string?)null), (e.Record.Kind, e.Record.Region)));
        Assert.Equal(7, Sum(entries, GetRating));
        Assert.Equal(2, Sum(entries, ListRuns));
        using var detail = JsonDocument.Parse(entries[^1].Record.Detail!);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:00:00Z$", detail.RootElement.GetProperty("hour").GetString());
    }

    [Fact]
    public async Task GetRating_FlushEverySecond_ReadsCountedAppearsWithoutBeingAsked()
    {
        var settings = AuditedServerFixture.Secured(fixture.Pki, fixture.Tokens, ("MuScore:Audit:ReadCountFlushSeconds", "1"));
        await using var server = await ServerInstance.StartAsync(settings);
        var reader = Callers.Unique("grid");
        using var channel = server.ChannelAs(fixture.Tokens.Issue(reader, "ratings:read runs:submit", ["*"]));
        var log = server.Services.GetRequiredService<IAuditLog>();

        await ReadAsync(channel, getRatings: 4, listRuns: 0);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Sum(await AuditEntries.AllAsync(log, reader), GetRating) < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(4, Sum(await AuditEntries.AllAsync(log, reader), GetRating));
    }

    private static async Task ReadAsync(Grpc.Net.Client.GrpcChannel channel, int getRatings, int listRuns)
    {
        var ratings = new RatingService.RatingServiceClient(channel);
        for (var i = 0; i < getRatings; i++)
        {
            var outcome = await Security.CallOutcome.Of(() => ratings.GetRatingAsync(new GetRatingRequest { Region = "331082", CreditCode = Records.Code(i + 1, "331082") }).ResponseAsync);
            Assert.Equal(Grpc.Core.StatusCode.NotFound, outcome.Code);
        }

        for (var i = 0; i < listRuns; i++)
        {
            await new EvaluationService.EvaluationServiceClient(channel).ListRunsAsync(new ListRunsRequest());
        }
    }

    /// <summary>The count of <paramref name="method"/> over every entry (a timer flush may have split them).</summary>
    private static long Sum(IEnumerable<AuditEntry> entries, string method) => entries.Sum(e =>
    {
        using var detail = JsonDocument.Parse(e.Record.Detail!);
        return detail.RootElement.GetProperty("counts").TryGetProperty(method, out var count) ? count.GetInt64() : 0;
    });
}
