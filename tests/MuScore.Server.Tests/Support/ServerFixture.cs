using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Support;

/// <summary>One real server (own SQLite file) shared by the tests of a class; tests keep apart by region.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerInstance? server;

    public ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => server = await ServerInstance.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
