using System.Security.Cryptography;

namespace MuScore.Cli.Tests.Signing;

/// <summary>"muscore keys new": two PEM files, the private one readable by its owner only, never overwritten.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void KeysNew_Defaults_WritesAP256PairAndPrintsPathsAndKeyIdButNotTheKey()
    {
        var directory = temp.File("keys");

        var run = CliRun.Of("keys", "new", "--out", directory).Expect(0);

        var privatePath = Path.Combine(directory, "muscore.private.pem");
        var publicPath = Path.Combine(directory, "muscore.public.pem");
        var privatePem = File.ReadAllText(privatePath);
        var publicPem = File.ReadAllText(publicPath);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", privatePem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", publicPem, StringComparison.Ordinal);
        using var signer = ECDsa.Create();
        signer.ImportFromPem(privatePem);
        using var verifier = ECDsa.Create();
        verifier.ImportFromPem(publicPem);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, verifier.ExportParameters(false).Curve.Oid.Value);
        var data = "亩均效益"u8.ToArray();
        Assert.True(verifier.VerifyData(data, signer.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        Assert.Equal(
            $"private key  {privatePath} (mode 0600; signs tokens: keep it secret)\n" +
            $"public key   {publicPath} (for the server: MuScore:Auth:Jwt:PublicKeyFile)\n" +
            "algorithm    ES256\n" +
            $"key id       {Rfc7638.Of(verifier)}\n",
            run.Out);
        Assert.DoesNotContain("PRIVATE KEY-----", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysNew_PrivateKey_IsReadableAndWritableByItsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows files have no Unix mode; an ACL is the user's business there.
        }

        CliRun.Of("keys", "new", "--out", temp.Path).Expect(0);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.File("muscore.private.pem")));
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(temp.File("muscore.public.pem")) & (UnixFileMode.UserExecute | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
    }

    [Fact]
    public void KeysNew_Rs256WithName_WritesA3072BitRsaPairUnderThatName()
    {
        var run = CliRun.Of("keys", "new", "--out", temp.Path, "--alg", "RS256", "--name", "signer-2027").Expect(0);

        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(temp.File("signer-2027.public.pem")));
        Assert.Equal(3072, rsa.KeySize);
        Assert.True(File.Exists(temp.File("signer-2027.private.pem")));
        Assert.Contains("algorithm    RS256\n", run.Out, StringComparison.Ordinal);
        Assert.Contains($"key id       {Rfc7638.Of(rsa)}\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("muscore.private.pem")]
    [InlineData("muscore.public.pem")]
    public void KeysNew_EitherFileExists_ExitsTwoNamingItAndChangesNothing(string existing)
    {
        var path = temp.File(existing);
        File.WriteAllText(path, "kept");

        var run = CliRun.Of("keys", "new", "--out", temp.Path).Expect(2);

        Assert.Equal($"muscore keys: '{path}' already exists; keys new never overwrites a key (choose another --name or --out)\n", run.Error);
        Assert.Equal("kept", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData(new[] { "keys", "--out", "DIR" }, "keys needs an action: new")]
    [InlineData(new[] { "keys", "old", "--out", "DIR" }, "unknown keys action 'old' (expected 'new')")]
    [InlineData(new[] { "keys", "new", "--out", "DIR", "--alg", "es384" }, "--alg 'es384' is not es256 or rs256")]
    [InlineData(new[] { "keys", "new", "--out", "DIR", "--name", "../escape" }, "--name '../escape' is not a plain file name stem")]
    [InlineData(new[] { "keys", "new" }, "missing --out DIR")]
    public void KeysNew_BadArguments_ExitTwoWithUsageAndWriteNothing(string[] args, string message)
    {
        var run = CliRun.Of([.. args.Select(a => a == "DIR" ? temp.Path : a)]).Expect(2);

        Assert.StartsWith($"muscore keys: {message}", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore keys new --out DIR [--alg es256|rs256] [--name NAME]", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
        Assert.Empty(run.Out);
    }
}
