using System.ComponentModel;
using System.Diagnostics;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Security;

namespace MuScore.Server.Tests.Http;

/// <summary>
/// A caller that shares nothing with the server — Python's standard library (urllib, ssl, json),
/// tests/outsider/http_client.py — reaches the web listener over TLS with the test CA and a bearer
/// token, and gets the answers and statuses a .NET client gets. Runs when python3 is present (it is in CI).
/// </summary>
[Collection(HttpApiServerGroup.Name)]
public sealed class OutsiderHttpClientTests(PublishedSecuredServerFixture fixture)
{
    [Fact]
    public async Task PythonUrllibClient_OverTlsWithToken_GetsTheAnswersAndStatusesOfTheContract()
    {
        if (!OnPath("python3"))
        {
            // The image CI runs in has python3; a developer machine without it skips this outsider.
            return;
        }

        var server = fixture.Secured;
        var region = PublishedSecuredServerFixture.ListsRegion;
        var code = PublishedSecuredServerFixture.LinhaiCode(101);
        var token = server.Tokens.Issue("outsider", "ratings:read", ["3310"]);
        using var channel = server.Server.ChannelAs(token);
        var expected = (await new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code })).Rating;

        var lines = await RunAsync(token,
        [
            "--base", server.Server.WebAddress.ToString().TrimEnd('/'),
            "--ca", server.Pki.AuthorityFile,
            "--region", region,
            "--code", code,
            "--unknown-code", PublishedSecuredServerFixture.LinhaiCode(999),
            "--foreign-region", "350206",
        ]);

        var className = MuScore.Contracts.V1.Rating.Descriptor.FindFieldByName("rating_class").EnumType.FindValueByNumber((int)expected.RatingClass).Name;
        Assert.Equal($"status=200 code={code} class={className} figures=no stale=false", lines["rating"]);
        Assert.Equal("status=401 challenge=Bearer reason=CREDENTIAL_MISSING", lines["no-credential"]);
        Assert.Equal("status=404 reason=ENTERPRISE_NOT_FOUND", lines["unknown"]);
        Assert.Equal("status=403 reason=REGION_NOT_ALLOWED", lines["foreign"]);
        Assert.Equal("status=400 fields=credit_codes[1]", lines["bad-batch"]);
        Assert.Equal("status=200 entries=2 second=not_found", lines["batch"]);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    /// <summary>Runs the script; returns its lines by label.</summary>
    private static async Task<Dictionary<string, string>> RunAsync(string token, string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Outsider", "http_client.py"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MUSCORE_TOKEN"] = token;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"python3 could not be started: {e.Message}");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"http_client.py did not finish in 60 s; it printed: {await output}");
            }

            var stderr = await errors;
            Assert.True(process.ExitCode == 0, $"http_client.py exited {process.ExitCode}: {stderr}");
            return (await output)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', 2))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal);
        }
    }
}
