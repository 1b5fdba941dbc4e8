using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MuScore.Store.Audit;

namespace MuScore.Server.Auditing;

/// <summary>
/// Writes a <c>server.started</c> entry when the server starts: the machine, the process, and the
/// SHA-256 of its effective configuration, so a change of settings between two starts shows in the
/// log without the log holding the settings (or any secret) themselves.
/// </summary>
internal sealed class ServerStartRecorder(IConfiguration configuration, AuditTrail trail, TimeProvider time) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        trail.AppendAsync(
            new AuditRecord(
                AuditKinds.ServerStarted,
                time.GetUtcNow(),
                string.Empty,
                null,
                null,
                null,
                null,
                null,
                AuditJson.Write(new StartDetail(Environment.MachineName, Environment.ProcessId, ConfigurationHash.Of(configuration), ThisAssembly.Version))),
            cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record StartDetail(string Host, int Pid, string ConfigurationSha256, string Version);
}
