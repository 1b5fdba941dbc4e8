using Grpc.Core;
using Microsoft.Extensions.Logging;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Without authentication the server serves anonymous callers on loopback and says so in its
/// first log lines; an operator who opens it wider with AllowAnonymous and AllowPlaintext is
/// warned in so many words. A fully secured server logs no such warning.
/// </summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task Start_AllowAnonymousOnLoopback_WarnsAndServesAnonymousCallers()
    {
        var logs = new CapturedLogs();
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            Logs = logs,
            Configuration = new Dictionary<string, string?> { ["MuScore:Auth:AllowAnonymous"] = "true" },
        });

        var outcome = await CallOutcome.Of(() => server.Ratings.GetRatingAsync(new GetRatingRequest { Region = "331082", CreditCode = Support.Records.Code(1, "331082") }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, outcome.Code);
        var warning = Assert.Single(SecurityWarnings(logs));
        Assert.Contains("no authentication is configured", warning, StringComparison.Ordinal);
        Assert.Contains(server.Address.ToString().TrimEnd('/'), warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_AnonymousAndPlaintextAllowedBeyondLoopback_WarnsOfBoth()
    {
        // Built, never started: nothing is bound beyond loopback.
        var logs = new CapturedLogs();
        var builder = ServerHost.CreateBuilder([], new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:0",
            ["MuScore:Auth:AllowAnonymous"] = "true",
            ["MuScore:Tls:AllowPlaintext"] = "true",
        });
        builder.Logging.AddProvider(logs);

        await using var app = ServerHost.Build(builder);

        var warnings = SecurityWarnings(logs);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("MuScore:Auth:AllowAnonymous=true", StringComparison.Ordinal) && w.Contains("ANY caller", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("MuScore:Tls:AllowPlaintext=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_TlsAndTokens_LogsNoSecurityWarning()
    {
        using var pki = new TestPki();
        using var tokens = new TestTokens();
        var logs = new CapturedLogs();

        await using var server = await ServerInstance.StartAsync(new ServerSettings { Tls = pki, Tokens = tokens, Logs = logs });

        Assert.Empty(SecurityWarnings(logs));
    }

    private static List<string> SecurityWarnings(CapturedLogs logs) =>
        [.. logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category == "MuScore.Server" && e.Message.StartsWith("Security: ", StringComparison.Ordinal)).Select(e => e.Message)];
}
