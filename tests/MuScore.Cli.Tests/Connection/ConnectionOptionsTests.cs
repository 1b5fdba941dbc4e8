using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Lists;

namespace MuScore.Cli.Tests.Connection;

/// <summary>--token, --ca, --cert and --key as every server command parses them: what goes together, and a token that never shows.</summary>
public sealed class ConnectionOptionsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("--cert", "client.pem", "--cert and --key go together: give both or neither")]
    [InlineData("--key", "client.key.pem", "--cert and --key go together: give both or neither")]
    public async Task ServerCommand_CertWithoutKeyOrKeyWithoutCert_ExitsTwoWithUsage(string option, string value, string message)
    {
        var run = (await ServerCommands.RunAsync("lists", new Uri("https://127.0.0.1:9"), temp.File("out.csv"), option, value)).Expect(2);

        Assert.StartsWith($"muscore lists: {message}\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore lists", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ca", "ca.pem")]
    [InlineData("--cert", "client.pem", "--key", "client.key.pem")]
    public async Task ServerCommand_TlsOptionsWithPlainHttp_ExitTwo(params string[] options)
    {
        var run = (await ServerCommands.RunAsync("summary", new Uri("http://127.0.0.1:9"), temp.File("out.csv"), options)).Expect(2);

        Assert.StartsWith("muscore summary: --ca, --cert and --key are for TLS; --server 'http://127.0.0.1:9/' is not https://\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ca", "absent-ca.pem", "--ca file 'DIR/absent-ca.pem' does not exist")]
    [InlineData("--cert", "absent.pem", "--cert file 'DIR/absent.pem' does not exist")]
    public async Task ServerCommand_MissingCertificateFile_ExitsTwoNamingIt(string option, string file, string message)
    {
        string[] extra = option == "--ca" ? ["--ca", temp.File(file)] : ["--cert", temp.File(file), "--key", temp.File("absent.key.pem")];

        var run = (await ServerCommands.RunAsync("summary", new Uri("https://127.0.0.1:9"), temp.File("out.csv"), extra)).Expect(2);

        Assert.Equal($"muscore summary: {message.Replace("DIR/", temp.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal)}\n", run.Error);
    }

    [Fact]
    public async Task ServerCommand_CaFileWithoutCertificates_ExitsTwo()
    {
        var ca = temp.File("ca.pem");
        await File.WriteAllTextAsync(ca, "not a certificate\n");

        var run = (await ServerCommands.RunAsync("summary", new Uri("https://127.0.0.1:9"), temp.File("out.csv"), "--ca", ca)).Expect(2);

        Assert.Equal($"muscore summary: --ca file '{ca}' holds no certificate (expected -----BEGIN CERTIFICATE----- blocks)\n", run.Error);
    }

    [Fact]
    public void From_Token_NeverShowsInTheOptionsText()
    {
        const string Token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
        var args = ArgumentParser.Parse(["--server", "https://muscore.example", "--region", "331082", "--year", "2024", "--out", "x.csv", "--token", Token], ReportOptions.Specs("x"));

        var options = ReportOptions.From(args);

        Assert.Equal("Bearer " + Token, options.Connection.Token!.AuthorizationHeader);
        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Token = (token hidden)", options.Connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ServerCommands_ListTheCredentialOptions()
    {
        foreach (var command in new[] { "publish", "lists", "summary" })
        {
            var help = CliRun.Of(command, "--help").Expect(0).Out;

            Assert.Contains("--token TOKEN|@FILE", help, StringComparison.Ordinal);
            Assert.Contains("(env MUSCORE_TOKEN)", help, StringComparison.Ordinal);
            Assert.Contains("--ca CA.pem", help, StringComparison.Ordinal);
            Assert.Contains("--cert CLIENT.pem", help, StringComparison.Ordinal);
            Assert.Contains("--key CLIENT.key.pem", help, StringComparison.Ordinal);
        }
    }
}
