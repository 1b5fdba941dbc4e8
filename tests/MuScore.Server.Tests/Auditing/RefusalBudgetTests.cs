using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Auditing;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Security;
using MuScore.Store.Audit;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// A flood of refusals writes at most MuScore:Audit:MaxRefusalsPerMinute entries a minute; the
/// rest are counted, and the count is written at the next flush even when no refusal follows.
/// </summary>
public sealed class RefusalBudgetTests : IDisposable
{
    private readonly SecuredWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task PublishRun_FiveRefusalsOverABudgetOfTwo_FewerEntriesButEveryRefusalCounted()
    {
        var settings = workspace.Secured(("MuScore:Audit:MaxRefusalsPerMinute", "2"));
        await using var server = await ServerInstance.StartAsync(settings);
        using var channel = server.ChannelAs(workspace.Tokens.Issue(Callers.Unique("clerk"), Callers.ClerkScope, ["*"]));
        var client = new EvaluationService.EvaluationServiceClient(channel);
        var log = server.Services.GetRequiredService<IAuditLog>();

        // The budget is per clock minute: start early in one, so all five fall into it.
        while (DateTime.UtcNow.Second >= 45)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        for (var i = 0; i < 5; i++)
        {
            var outcome = await CallOutcome.Of(() => client.PublishRunAsync(new PublishRunRequest { RunId = new string('c', 64) }).ResponseAsync);
            Assert.Equal("MISSING_SCOPE", outcome.Info?.Reason);
        }

        var written = await AuditEntries.AllAsync(log, kinds: [AuditKinds.CallRefused]);
        await server.Services.GetRequiredService<ReadCountFlusher>().FlushAsync(CancellationToken.None);
        var flushed = (await AuditEntries.AllAsync(log, kinds: [AuditKinds.CallRefused])).Skip(written.Count).ToList();

        Assert.Equal(2, written.Count);
        var count = Assert.Single(flushed);
        Assert.Equal(string.Empty, count.Record.Caller);
        Assert.Equal(3, Count(count, "suppressed_refusals"));
        Assert.StartsWith("3 refused calls over the budget of 2 a minute", count.Record.Reason, StringComparison.Ordinal);
    }

    private static long Count(AuditEntry entry, string property)
    {
        using var detail = JsonDocument.Parse(entry.Record.Detail!);
        return detail.RootElement.TryGetProperty(property, out var value) ? value.GetInt64() : 0;
    }
}
