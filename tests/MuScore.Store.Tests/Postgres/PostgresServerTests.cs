using System.Data.Common;
using MuScore.Store.Tests.Builders;
using MuScore.TestSupport.Postgres;

namespace MuScore.Store.Tests.Postgres;

/// <summary>The shared PostgreSQL launcher other test projects rely on: crash, restart, databases.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task KillThenRestart_PublishedRunSurvivesAndReadsFailWhileDown()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("crash"));
        var store = await OpenAsync(connectionString);
        var draft = TestRuns.Draft("a", TestRuns.Mixed(10));
        await store.SaveDraftAsync(draft, CancellationToken.None);
        var publication = (await store.PublishAsync(new PublishRequest(draft.RunId, TestRuns.Created, TestRuns.Publisher, null), CancellationToken.None)).Publication;

        server.Kill();
        await Assert.ThrowsAnyAsync<DbException>(() => store.GetLatestPublicationAsync(TestRuns.Region, null, CancellationToken.None));
        await server.RestartAsync();
        var reopened = await OpenAsync(connectionString);

        Assert.True(server.IsRunning);
        Assert.Equal(publication, await reopened.GetLatestPublicationAsync(TestRuns.Region, null, CancellationToken.None));
        await ((IAsyncDisposable)store).DisposeAsync();
        await ((IAsyncDisposable)reopened).DisposeAsync();
    }

    [Fact]
    public async Task Stop_RunningServer_RefusesConnections()
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("stopped");

        await server.StopAsync();

        Assert.False(server.IsRunning);
        var store = RatingStoreFactory.Create(new RatingStoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connectionString });
        await Assert.ThrowsAnyAsync<DbException>(() => store.InitializeAsync(CancellationToken.None));
        await ((IAsyncDisposable)store).DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("x\"; DROP DATABASE postgres; --")]
    public async Task CreateDatabase_BadName_ThrowsArgumentException(string name)
    {
        await using var server = new PostgresServer();

        await Assert.ThrowsAsync<ArgumentException>(() => server.CreateDatabaseAsync(name));
    }

    [Fact]
    public void UniqueDatabaseName_TwoCalls_DifferAndAreValidNames()
    {
        var (first, second) = (PostgresServer.UniqueDatabaseName("store"), PostgresServer.UniqueDatabaseName("store"));

        Assert.NotEqual(first, second);
        Assert.Matches("^store_[0-9a-f]{16}$", first);
    }

    private static async Task<IRatingStore> OpenAsync(string connectionString)
    {
        var store = RatingStoreFactory.Create(new RatingStoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connectionString });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
