using MuScore.TestSupport.Security;
using System.Globalization;

namespace MuScore.Cli.Tests.Connection;

/// <summary>
/// https:// with a private CA: --ca trusts it (and only it), the system store does not, a wrong
/// name is refused, and --cert/--key present a client certificate the server sees; each against a
/// real Kestrel HTTPS endpoint on a free loopback port.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private const string Token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0bHMifQ.c2lnbmF0dXJl";

    private readonly TempDirectory temp = new();
    private readonly TestPki pki;

    public TlsTests() => pki = new TestPki();

    public void Dispose()
    {
        pki.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task Summary_CaGiven_TrustsTheServerAndSendsTheTokenOverTls()
    {
        using var certificate = pki.ServerCertificate();
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions { Certificate = certificate });
        var output = temp.File("summary.csv");

        var run = (await ServerCommands.RunAsync("summary", server.Address, output, "--ca", pki.AuthorityFile, "--token", Token)).Expect(0);

        Assert.StartsWith("https://", server.Address.ToString(), StringComparison.Ordinal);
        Assert.Equal(new SeenCall("/muscore.v1.PolicyService/SummarizeRegion", $"Bearer {Token}", null), Assert.Single(server.Calls));
        Assert.True(File.Exists(output));
        Assert.DoesNotContain(Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_NoCa_RefusesThePrivateCaCertificateSayingWhyAndSendsNothing()
    {
        using var certificate = pki.ServerCertificate();
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions { Certificate = certificate });

        var run = (await ServerCommands.RunAsync("summary", server.Address, temp.File("out.csv"), "--token", Token)).Expect(4);

        Assert.StartsWith(
            $"muscore summary: cannot reach the server at {server.Address.GetLeftPart(UriPartial.Authority)}: TLS handshake refused: the server's certificate (CN=muscore test server) is not trusted by this system: ",
            run.Error,
            StringComparison.Ordinal);
        Assert.EndsWith("; if a private CA signed it, pass that CA with --ca CA.pem\n", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Summary_AnotherCa_IsRefusedAsNotChainingToIt()
    {
        using var certificate = pki.ServerCertificate();
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions { Certificate = certificate });
        using var other = new TestPki("Other CA");

        var run = (await ServerCommands.RunAsync("summary", server.Address, temp.File("out.csv"), "--ca", other.AuthorityFile)).Expect(4);

        Assert.StartsWith(
            $"muscore summary: cannot reach the server at {server.Address.GetLeftPart(UriPartial.Authority)}: TLS handshake refused: the server's certificate (CN=muscore test server) does not chain to a certificate of --ca '{other.AuthorityFile}': ",
            run.Error,
            StringComparison.Ordinal);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Summary_CertificateForAnotherName_IsRefusedEvenWithTheCa()
    {
        using var certificate = pki.ServerCertificate(dnsName: "elsewhere.example");
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions { Certificate = certificate });

        var run = (await ServerCommands.RunAsync("summary", server.Address, temp.File("out.csv"), "--ca", pki.AuthorityFile)).Expect(4);

        Assert.Equal(
            $"muscore summary: cannot reach the server at {server.Address.GetLeftPart(UriPartial.Authority)}: TLS handshake refused: the server's certificate (CN=muscore test server) is not issued for the host in --server\n",
            run.Error);
        Assert.Empty(server.Calls);
    }

    [Theory]
    [InlineData("lists")]
    [InlineData("summary")]
    [InlineData("publish")]
    public async Task ServerCommand_CertAndKey_PresentTheClientCertificateTheServerSees(string command)
    {
        using var certificate = pki.ServerCertificate();
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions
        {
            Certificate = certificate,
            Refusal = () => Refusals.MissingScope("linhai-office", "runs:submit"),
        });
        var (client, certificateFile, keyFile) = pki.ClientFiles("linhai-office");
        using (client)
        {
            (await ServerCommands.RunAsync(command, server.Address, temp.File("out.csv"), "--ca", pki.AuthorityFile, "--cert", certificateFile, "--key", keyFile)).Expect(4);

            Assert.Equal(client.Thumbprint, Assert.Single(server.Calls).ClientCertificateThumbprint);
        }
    }

    [Fact]
    public async Task Summary_NoCert_PresentsNoClientCertificate()
    {
        using var certificate = pki.ServerCertificate();
        await using var server = await RecordingServer.StartAsync(new RecordingServerOptions { Certificate = certificate });

        (await ServerCommands.RunAsync("summary", server.Address, temp.File("out.csv"), "--ca", pki.AuthorityFile)).Expect(0);

        Assert.Null(Assert.Single(server.Calls).ClientCertificateThumbprint);
    }

    [Fact]
    public async Task Summary_HttpsToAServerWithoutTls_SaysTheHandshakeFailed()
    {
        await using var server = await RecordingServer.StartAsync();
        var https = new Uri(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{server.Address.Port}"));

        var run = (await ServerCommands.RunAsync("summary", https, temp.File("out.csv"), "--ca", pki.AuthorityFile)).Expect(4);

        Assert.StartsWith($"muscore summary: cannot reach the server at https://127.0.0.1:{server.Address.Port}: TLS handshake failed: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }
}
