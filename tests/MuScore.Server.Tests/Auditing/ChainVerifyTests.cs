using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;
using MuScore.Store;
using MuScore.Store.Audit;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// The chain a real server wrote (a submission, a four-eyes refusal, a publication, read counts,
/// its start) verifies intact on SQLite and PostgreSQL; one change made with plain SQL is then named
/// with its entry and the kind of damage. The store's own tests cover tampering in depth.
/// </summary>
[Collection(AuditPostgres.Name)]
public sealed class ChainVerifyTests(PostgresServer postgres) : IDisposable
{
    private readonly SecuredWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task VerifyAsync_SqliteAfterTrafficThenAnEntryEdited_IntactThenEditedAtThatEntry()
    {
        var file = workspace.File("edited.db");
        await using var server = await ServerInstance.StartAsync(workspace.Secured() with { SqliteFile = file });
        var entries = await TrafficAndIntactChainAsync(server);
        var published = entries.Single(e => e.Record.Kind == AuditKinds.RunPublished).Sequence;

        await PlainSql.SqliteAsync(file, Invariant($"UPDATE audit_log SET reason = 'approved by the board' WHERE sequence = {published}"));

        var verification = await Log(server).VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal((AuditDamage.Edited, published), (verification.Damage, verification.FirstBadSequence));
        Assert.StartsWith(Invariant($"edited: entry {published}"), verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_SqliteAfterTrafficThenTwoEntriesSwapped_ReorderedAtTheFirst()
    {
        var file = workspace.File("swapped.db");
        await using var server = await ServerInstance.StartAsync(workspace.Secured() with { SqliteFile = file });
        await TrafficAndIntactChainAsync(server);

        await PlainSql.SqliteAsync(file, "UPDATE audit_log SET sequence = -2 WHERE sequence = 2; UPDATE audit_log SET sequence = 2 WHERE sequence = 3; UPDATE audit_log SET sequence = 3 WHERE sequence = -2;");

        var verification = await Log(server).VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal((AuditDamage.Reordered, 2L), (verification.Damage, verification.FirstBadSequence));
        Assert.StartsWith("reordered: entry 2", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_PostgresAfterTrafficThenAnEntryDeleted_IntactThenDeletedAtThatEntry()
    {
        var connectionString = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("chain"));
        var settings = workspace.Secured() with { StoreProvider = StoreProvider.Postgres, StoreConnectionString = connectionString };
        await using var server = await ServerInstance.StartAsync(settings);
        var entries = await TrafficAndIntactChainAsync(server);
        var submitted = entries.Single(e => e.Record.Kind == AuditKinds.RunSubmitted).Sequence;

        await PlainSql.PostgresAsync(connectionString, Invariant($"DELETE FROM audit_log WHERE sequence = {submitted}"));

        var verification = await Log(server).VerifyAsync(CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal((AuditDamage.Deleted, submitted), (verification.Damage, verification.FirstBadSequence));
        Assert.StartsWith(Invariant($"deleted: entry {submitted}"), verification.Problem, StringComparison.Ordinal);
    }

    private static IAuditLog Log(ServerInstance server) => server.Services.GetRequiredService<IAuditLog>();

    /// <summary>Runs the traffic, checks the chain holds every kind it made and verifies intact end to end; returns the entries.</summary>
    private async Task<List<AuditEntry>> TrafficAndIntactChainAsync(ServerInstance server)
    {
        await Traffic.RunAsync(server, workspace.Tokens, Regions.Next());
        var entries = await AuditEntries.AllAsync(Log(server));
        Assert.Equal(
            [AuditKinds.CallRefused, AuditKinds.ReadsCounted, AuditKinds.RunPublished, AuditKinds.RunSubmitted, AuditKinds.ServerStarted],
            entries.Select(e => e.Record.Kind).Distinct().Order(StringComparer.Ordinal));

        var verification = await Log(server).VerifyAsync(CancellationToken.None);

        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(((long)entries.Count, (long)entries.Count, entries[^1].Hash), (verification.EntriesChecked, verification.HeadSequence, verification.HeadHash));
        return entries;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
