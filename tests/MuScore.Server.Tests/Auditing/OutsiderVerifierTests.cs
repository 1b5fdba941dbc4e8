using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;
using MuScore.Store.Audit;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Auditing;

/// <summary>
/// Someone who trusts no MuScore code re-verifies the chain: tools/audit/verify_chain.py, Python's
/// standard library only, written from docs/audit.md's canonical form, run on the SQLite file a
/// real server wrote. It must find the head VerifyAsync finds, and fail on an edited entry.
/// </summary>
public sealed class OutsiderVerifierTests : IDisposable
{
    private readonly SecuredWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task VerifyChainPy_ServerSqliteFileAfterTraffic_PrintsTheHeadVerifyAsyncFindsThenFailsOnAnEdit()
    {
        var file = workspace.File("muscore.db");
        await using var server = await ServerInstance.StartAsync(workspace.Secured() with { SqliteFile = file });
        await Traffic.RunAsync(server, workspace.Tokens, Regions.Next());
        var verification = await server.Services.GetRequiredService<IAuditLog>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);

        var intact = await RunAsync(file);

        Assert.Equal(0, intact.ExitCode);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"intact: {verification.HeadSequence} entries, head {verification.HeadHash}"), intact.Out.Trim());

        await PlainSql.SqliteAsync(file, "UPDATE audit_log SET caller = 'someone else' WHERE sequence = 2");
        var broken = await RunAsync(file);

        Assert.Equal(1, broken.ExitCode);
        Assert.Equal("broken: entry 2 does not match its hash", broken.Error.Trim());
    }

    [Fact]
    public void AuditDoc_PythonReVerifier_IsTheScriptTheTestsRun()
    {
        var script = File.ReadAllText(Script()).ReplaceLineEndings("\n");

        var doc = File.ReadAllText(Repository("docs", "audit.md")).ReplaceLineEndings("\n");

        Assert.Contains("```python\n" + script + "```\n", doc, StringComparison.Ordinal);
    }

    private static string Script() => Path.Combine(AppContext.BaseDirectory, "Outsider", "verify_chain.py");

    /// <summary>Found from this source file (builds may go to a folder outside the repository).</summary>
    private static string Repository(string folder, string name, [CallerFilePath] string source = "")
    {
        for (var dir = new FileInfo(source).Directory; dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, folder, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{folder}/{name} not found above the test source");
    }

    /// <summary>Runs the script under python3 (any; it needs only the standard library).</summary>
    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string file)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Script());
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"the outsider re-verifier needs python3 (apt-get install python3): {e.Message}");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
    }
}
