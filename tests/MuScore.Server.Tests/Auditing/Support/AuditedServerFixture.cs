using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Store.Audit;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>
/// One secured server per test class, as a county would run it: TLS from a test CA, bearer tokens
/// signed by test keys, four eyes on (no self-publication). The refusal budget is raised so that
/// the refusals of many tests on one server are all written. Tests keep apart by caller id
/// (<see cref="Callers.Unique"/>) and region.
/// </summary>
public sealed class AuditedServerFixture : IAsyncLifetime
{
    private ServerInstance? server;

    public TestPki Pki { get; } = new();

    public TestTokens Tokens { get; } = new();

    public ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    /// <summary>The server's audit log, for reading what the calls wrote (the same database the server writes).</summary>
    public IAuditLog Log => Server.Services.GetRequiredService<IAuditLog>();

    /// <summary>A channel whose calls carry a fresh token of <paramref name="caller"/>; the caller disposes it.</summary>
    public GrpcChannel As(string caller, string scope, params string[] regions) => Server.ChannelAs(Tokens.Issue(caller, scope, regions));

    /// <summary>The settings of a secured server with four eyes on, plus <paramref name="extra"/>.</summary>
    public static ServerSettings Secured(TestPki pki, TestTokens tokens, params (string Key, string Value)[] extra)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MuScore:Audit:MaxRefusalsPerMinute"] = "100000",
        };
        foreach (var (key, value) in extra)
        {
            configuration[key] = value;
        }

        return new ServerSettings { Tls = pki, Tokens = tokens, Configuration = configuration };
    }

    public async Task InitializeAsync() => server = await ServerInstance.StartAsync(Secured(Pki, Tokens));

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Tokens.Dispose();
        Pki.Dispose();
    }
}
