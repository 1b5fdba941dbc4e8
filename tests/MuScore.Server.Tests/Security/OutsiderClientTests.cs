using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using MuScore.Contracts.V1;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// A client that shares nothing with the server — Python, Debian's python3-grpcio, protobuf
/// written by hand (tests/outsider/secure_client.py) — reaches it over TLS with the test CA, a
/// bearer token and a client certificate, and gets the statuses and ErrorInfo a .NET client gets.
/// </summary>
public sealed class OutsiderClientTests(PublishedSecuredServerFixture fixture) : IClassFixture<PublishedSecuredServerFixture>
{
    /// <summary>Debian's interpreter: python3-grpcio installs for it, not for any other python3 on PATH.</summary>
    private const string DebianPython = "/usr/bin/python3";

    private const string Install = "the outsider client needs python3 with Debian's python3-grpcio: apt-get install python3-grpcio (.ci/run installs it)";

    [Fact]
    public async Task PythonGrpcClient_OverTlsWithTokenAndCertificate_GetsTheStatusesOfTheContract()
    {
        var server = fixture.Secured;
        var region = PublishedSecuredServerFixture.ListsRegion;
        var code = PublishedSecuredServerFixture.LinhaiCode(101);
        var token = server.Tokens.Issue("outsider", "ratings:read", ["3310"]);
        using var dotnet = server.Server.ChannelAs(token);
        var expected = (await new RatingService.RatingServiceClient(dotnet).GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code })).Rating;
        var (certificate, key) = server.Pki.WriteClient(server.ThumbprintClient, "outsider");

        var lines = await RunAsync(token,
        [
            "--target", $"127.0.0.1:{server.Server.Port}",
            "--ca", server.Pki.AuthorityFile,
            "--region", region,
            "--code", code,
            "--unknown-code", PublishedSecuredServerFixture.LinhaiCode(999),
            "--foreign-region", "350206",
            "--foreign-code", Support.Records.Code(1, "350206"),
            "--cert", certificate,
            "--key", key,
        ]);

        var rated = string.Create(CultureInfo.InvariantCulture, $"status=OK code={code} class={(int)expected.RatingClass} figures=no");
        Assert.Equal("status=OK serving=SERVING", lines["health"]);
        Assert.Equal("status=UNAUTHENTICATED reason=CREDENTIAL_MISSING", lines["no-credential"]);
        Assert.Equal(rated, lines["token"]);
        Assert.StartsWith("status=NOT_FOUND reason=ENTERPRISE_NOT_FOUND", lines["token-unknown"], StringComparison.Ordinal);
        Assert.StartsWith("status=PERMISSION_DENIED reason=REGION_NOT_ALLOWED region=350206", lines["token-foreign"], StringComparison.Ordinal);
        Assert.Equal(rated, lines["certificate"]);
        Assert.NotEqual(RatingClass.Unspecified, expected.RatingClass);
    }

    /// <summary>Runs the script; returns its lines by label. Fails, naming the package, when python3 or grpcio is missing.</summary>
    private static async Task<Dictionary<string, string>> RunAsync(string token, string[] arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Outsider", "secure_client.py");
        var start = new ProcessStartInfo(File.Exists(DebianPython) ? DebianPython : "python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
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
            Assert.Fail($"{Install}; python3 could not be started: {e.Message}");
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
                Assert.Fail($"secure_client.py did not finish in 60 s; it printed: {await output}");
            }

            var stderr = await errors;
            Assert.False(process.ExitCode == 3, $"{Install}: {stderr}");
            Assert.True(process.ExitCode == 0, $"secure_client.py exited {process.ExitCode}: {stderr}");
            return (await output)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(' ', 2))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty, StringComparer.Ordinal);
        }
    }
}
