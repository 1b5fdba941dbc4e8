using MuScore.Server.Tests.Caching.Support;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing.Support;

/// <summary>
/// What a test that starts its own secured servers needs: a test CA, signing keys and a temporary
/// directory for SQLite files, disposed together.
/// </summary>
internal sealed class SecuredWorkspace : IDisposable
{
    private readonly TempDirectory directory = new();

    public TestPki Pki { get; } = new();

    public TestTokens Tokens { get; } = new();

    /// <summary>A file path inside the workspace's directory.</summary>
    public string File(string name) => directory.File(name);

    /// <summary>Settings of a secured server on this CA and these keys (<see cref="AuditedServerFixture.Secured"/>).</summary>
    public ServerSettings Secured(params (string Key, string Value)[] extra) => AuditedServerFixture.Secured(Pki, Tokens, extra);

    public void Dispose()
    {
        directory.Dispose();
        Tokens.Dispose();
        Pki.Dispose();
    }
}
