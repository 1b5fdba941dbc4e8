using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// One secured server per test class, configured as an operator would: TLS from a test CA, bearer
/// tokens signed by test keys (EC and RSA in one key file), and three client certificates mapped
/// to callers — one by thumbprint, one by subject, and one mapped but already expired. Self-publication
/// is allowed so that one token may submit and publish a run.
/// </summary>
public sealed class SecuredServerFixture : IAsyncLifetime
{
    /// <summary>The caller the thumbprint-mapped certificate stands for.</summary>
    public const string ThumbprintCaller = "land-office";

    /// <summary>Its scope: ratings only.</summary>
    public const string ThumbprintScope = "ratings:read";

    /// <summary>Its regions: Taizhou.</summary>
    public const string ThumbprintRegion = "3310";

    /// <summary>The subject mapped to a caller, as .NET prints it.</summary>
    public const string MappedSubject = "CN=grid-billing, O=State Grid";

    /// <summary>The caller the subject-mapped certificate stands for.</summary>
    public const string SubjectCaller = "grid-billing";

    /// <summary>Its scope: tariffs only.</summary>
    public const string SubjectScope = "policy:quote";

    /// <summary>Its regions: Zhejiang.</summary>
    public const string SubjectRegion = "33";

    private ServerInstance? server;

    public SecuredServerFixture()
    {
        ThumbprintClient = Pki.Client("CN=land-office, O=Linhai Natural Resources");
        SubjectClient = Pki.Client(MappedSubject);
        ExpiredClient = Pki.Client("CN=old-meter, O=State Grid", DateTimeOffset.UtcNow.AddHours(-20), DateTimeOffset.UtcNow.AddHours(-1));
    }

    public TestPki Pki { get; } = new();

    public TestTokens Tokens { get; } = new();

    /// <summary>Mapped by its SHA-256 thumbprint to <see cref="ThumbprintCaller"/>.</summary>
    public X509Certificate2 ThumbprintClient { get; }

    /// <summary>Mapped by its subject to <see cref="SubjectCaller"/>.</summary>
    public X509Certificate2 SubjectClient { get; }

    /// <summary>Mapped by thumbprint like <see cref="ThumbprintClient"/>, with every right, but its validity ended an hour ago (the test CA itself dates from yesterday).</summary>
    public X509Certificate2 ExpiredClient { get; }

    public ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    /// <summary>A channel whose every call carries a fresh token with <paramref name="scope"/> and <paramref name="regions"/>; the caller disposes it.</summary>
    public GrpcChannel As(string scope, params string[] regions) => Server.ChannelAs(Tokens.Issue("tester", scope, regions));

    public async Task InitializeAsync() => server = await ServerInstance.StartAsync(new ServerSettings
    {
        Tls = Pki,
        Tokens = Tokens,
        Configuration = new Dictionary<string, string?>
        {
            // Four eyes is not what these tests are about: one token submits and publishes.
            ["MuScore:Auth:AllowSelfPublish"] = "true",
            ["MuScore:Auth:Clients:0:Thumbprint"] = Colons(ThumbprintClient.GetCertHashString(HashAlgorithmName.SHA256)),
            ["MuScore:Auth:Clients:0:Id"] = ThumbprintCaller,
            ["MuScore:Auth:Clients:0:Scope"] = ThumbprintScope,
            ["MuScore:Auth:Clients:0:Regions:0"] = ThumbprintRegion,
            ["MuScore:Auth:Clients:1:Subject"] = MappedSubject,
            ["MuScore:Auth:Clients:1:Id"] = SubjectCaller,
            ["MuScore:Auth:Clients:1:Scope"] = SubjectScope,
            ["MuScore:Auth:Clients:1:Regions:0"] = SubjectRegion,
            ["MuScore:Auth:Clients:2:Thumbprint"] = ExpiredClient.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant(),
            ["MuScore:Auth:Clients:2:Id"] = "old-meter",
            ["MuScore:Auth:Clients:2:Scope"] = "ratings:read ratings:figures policy:quote",
            ["MuScore:Auth:Clients:2:Regions:0"] = "*",
        },
    });

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        ThumbprintClient.Dispose();
        SubjectClient.Dispose();
        ExpiredClient.Dispose();
        Tokens.Dispose();
        Pki.Dispose();
    }

    /// <summary>"AB:CD:…", as an operator copies it from openssl: the server must accept it as written.</summary>
    private static string Colons(string hex) => string.Join(':', hex.Chunk(2).Select(pair => new string(pair)));
}
