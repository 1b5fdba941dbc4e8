using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;
using MuScore.Store;
using MuScore.Store.Audit;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// Two server instances on one database append at the same moment (submissions and refusals on
/// both, all started together) and still form one chain: intact, sequences 1..n without a gap, and
/// every call's entry there exactly once.
/// </summary>
[Collection(AuditPostgres.Name)]
public sealed class TwoInstanceChainTests(PostgresServer postgres) : IDisposable
{
    /// <summary>Submissions and refusals per instance.</summary>
    private const int Calls = 6;

    private readonly SecuredWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task ParallelWrites_TwoInstancesOnOnePostgresDatabase_OneGaplessIntactChain()
    {
        var connectionString = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("fork"));
        var settings = workspace.Secured() with { StoreProvider = StoreProvider.Postgres, StoreConnectionString = connectionString };

        await ParallelWritesFormOneChainAsync(settings);
    }

    [Fact]
    public async Task ParallelWrites_TwoInstancesOnOneSqliteFile_OneGaplessIntactChain()
    {
        var settings = workspace.Secured() with { SqliteFile = workspace.File("shared.db") };

        await ParallelWritesFormOneChainAsync(settings);
    }

    private async Task ParallelWritesFormOneChainAsync(ServerSettings settings)
    {
        // The chain is under test, not the upload limits: let one clerk send everything at once.
        settings = settings with
        {
            Configuration = new Dictionary<string, string?>(settings.Configuration)
            {
                ["MuScore:Limits:MaxConcurrentUploadsPerCaller"] = "64",
                ["MuScore:Limits:MaxConcurrentUploads"] = "64",
            },
        };
        await using var first = await ServerInstance.StartAsync(settings);
        await using var second = await ServerInstance.StartAsync(settings);
        var clerk = Callers.Unique("clerk");
        var intruder = Callers.Unique("intruder");

        // Every call is started before any is awaited, so the two instances append concurrently.
        var calls = new List<Task>();
        foreach (var server in new[] { first, second })
        {
            for (var i = 0; i < Calls; i++)
            {
                calls.Add(SubmitAsync(server, clerk, Regions.Next()));
                calls.Add(RefusedAsync(server, intruder));
            }
        }

        await Task.WhenAll(calls);

        var log = first.Services.GetRequiredService<IAuditLog>();
        var verification = await log.VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
        var entries = await AuditEntries.AllAsync(log);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(verification.HeadSequence, (long)entries.Count);
        Assert.Equal(2 * Calls, entries.Count(e => e.Record.Kind == AuditKinds.RunSubmitted && e.Record.Caller == clerk));
        Assert.Equal(2 * Calls, entries.Count(e => e.Record.Kind == AuditKinds.CallRefused && e.Record.Caller == intruder));
        Assert.Equal(2, entries.Count(e => e.Record.Kind == AuditKinds.ServerStarted));
    }

    private async Task SubmitAsync(ServerInstance server, string clerk, string region)
    {
        using var channel = server.ChannelAs(workspace.Tokens.Issue(clerk, Callers.ClerkScope, ["*"]));
        await Runs.SubmitAsync(new EvaluationService.EvaluationServiceClient(channel), Runs.Header(region, 2024), SmallRun.Records(region));
    }

    private async Task RefusedAsync(ServerInstance server, string intruder)
    {
        using var channel = server.ChannelAs(workspace.Tokens.Issue(intruder, "ratings:read", ["*"]));
        var refused = await Assert.ThrowsAsync<RpcException>(() => new EvaluationService.EvaluationServiceClient(channel).PublishRunAsync(new PublishRunRequest { RunId = new string('d', 64) }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
