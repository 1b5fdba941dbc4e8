using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Auditing;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;
using MuScore.Store.Audit;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Server;
using Npgsql;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// A server start is written as <c>server.started</c> with the hash of its configuration, and no
/// secret of that configuration reaches the log: started here on PostgreSQL with a password in the
/// connection string (the test cluster trusts loopback, so any password connects).
/// </summary>
[Collection(AuditPostgres.Name)]
public sealed class ServerStartEntryTests(PostgresServer postgres) : IDisposable
{
    private readonly SecuredWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Start_PostgresConnectionStringWithPassword_ServerStartedWithConfigurationHashAndThePasswordNowhere()
    {
        const string Password = "Pw-7f3c9e21-never-in-the-log";
        var connectionString = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("start")) + $";Password={Password}";
        var settings = workspace.Secured() with { StoreProvider = Store.StoreProvider.Postgres, StoreConnectionString = connectionString };
        await using (var server = await ServerInstance.StartAsync(settings))
        {
            // Some traffic too, so that every kind the server writes had its chance to leak it.
            await Traffic.RunAsync(server, workspace.Tokens, Regions.Next());
            var start = Assert.Single(await AuditEntries.AllAsync(server.Services.GetRequiredService<IAuditLog>(), kinds: [AuditKinds.ServerStarted])).Record;
            Assert.Equal(string.Empty, start.Caller);
            Assert.Null(start.Region);
            using var detail = JsonDocument.Parse(start.Detail!);
            var hash = detail.RootElement.GetProperty("configuration_sha256").GetString();
            Assert.Matches("^[0-9a-f]{64}$", hash);
            Assert.Equal(ConfigurationHash.Of(server.Services.GetRequiredService<IConfiguration>()), hash);
            Assert.Equal(Environment.ProcessId, detail.RootElement.GetProperty("pid").GetInt32());

            // Readable as stored: the '+' of an informational version is not written as \u002B.
            Assert.Contains($"\"version\":\"{ThisAssembly.Version}\"", start.Detail, StringComparison.Ordinal);
        }

        var rows = await EveryCellAsync(connectionString);
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, cell => cell.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, cell => cell.Contains("Password=", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every audit_log row as the text of all its columns, read with plain SQL.</summary>
    private static async Task<List<string>> EveryCellAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT audit_log::text FROM audit_log ORDER BY sequence", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
