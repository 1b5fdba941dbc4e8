using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MuScore.Cli.Tests.Signing;

/// <summary>
/// "muscore token issue": the token validates as the server will validate it (JsonWebTokenHandler
/// with issuer, audience, lifetime and the key picked by kid from a public key file), with the
/// claims in the shapes the server reads; bad arguments exit 2.
/// </summary>
public sealed class TokenIssueTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("es256", "ES256")]
    [InlineData("rs256", "RS256")]
    public async Task TokenIssue_ValidatesAgainstThePublicKeyFileWithIssuerAudienceLifetimeAndKid(string alg, string jwsAlgorithm)
    {
        var (privateKey, publicKey) = Tokens.NewKeys(temp.Path, alg);

        // A rotation: the server's file holds an older key first; the kid must pick the right one.
        var (_, olderKey) = Tokens.NewKeys(temp.Path, "es256", "older");
        var serverKeys = temp.File("server-keys.pem");
        File.WriteAllText(serverKeys, File.ReadAllText(olderKey) + File.ReadAllText(publicKey));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var run = Tokens.Issue(privateKey, "--ttl", "12h").Expect(0);

        var token = run.Out.TrimEnd('\n');
        Assert.Equal(token + "\n", run.Out);
        var keys = PublicKeys.Read(serverKeys);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Validation(keys));
        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(jwsAlgorithm, jwt.Alg);
        Assert.Equal(keys[1].KeyId, jwt.Kid);
        Assert.NotEqual(keys[0].KeyId, jwt.Kid);
        Assert.Equal("linhai-office", jwt.Subject);
        var payload = Tokens.Payload(token);
        var issuedAt = payload.GetProperty("iat").GetInt64();
        Assert.InRange(issuedAt, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(issuedAt, payload.GetProperty("nbf").GetInt64());
        Assert.Equal(issuedAt + (12 * 3600), payload.GetProperty("exp").GetInt64());
        Assert.Equal(22, payload.GetProperty("jti").GetString()!.Length);
    }

    [Fact]
    public void TokenIssue_OneRegion_IsStillAJsonArrayAndScopeIsOneSpaceSeparatedString()
    {
        var (privateKey, _) = Tokens.NewKeys(temp.Path);

        var run = Tokens.Issue(privateKey, "--scope", "policy:quote ratings:read  policy:quote", "--regions", "331082").Expect(0);

        var payload = Tokens.Payload(run.Out.TrimEnd('\n'));
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("regions").ValueKind);
        Assert.Equal(["331082"], payload.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.String, payload.GetProperty("scope").ValueKind);
        Assert.Equal("ratings:read policy:quote", payload.GetProperty("scope").GetString());
        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "nbf", "regions", "scope", "sub"], payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("JWT", Tokens.Header(run.Out).GetProperty("typ").GetString());
    }

    [Fact]
    public void TokenIssue_SeveralRegions_KeepsThemInOrderOnce()
    {
        var (privateKey, _) = Tokens.NewKeys(temp.Path);

        var run = Tokens.Issue(privateKey, "--regions", "33, 3502,33,350203").Expect(0);

        Assert.Equal(["33", "3502", "350203"], Tokens.Payload(run.Out).GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("regions   33,3502,350203\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenIssue_Details_GoToStandardErrorWithoutTheToken()
    {
        var (privateKey, publicKey) = Tokens.NewKeys(temp.Path);

        var run = Tokens.Issue(privateKey, "--regions", "*", "--not-before", "2030-01-01T08:00:00+08:00", "--ttl", "30d").Expect(0);

        var kid = PublicKeys.Read(publicKey)[0].KeyId;
        Assert.Equal(
            "subject   linhai-office\n" +
            "scopes    ratings:read policy:quote\n" +
            "regions   *\n" +
            "issuer    muscore\n" +
            "audience  muscore\n" +
            $"key id    {kid} (ES256)\n" +
            "valid     2030-01-01T00:00:00Z to 2030-01-31T00:00:00Z\n",
            run.Error);
        Assert.DoesNotContain(run.Out.TrimEnd('\n'), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenIssue_NotBeforeInTheFuture_IsNotYetValid()
    {
        var (privateKey, publicKey) = Tokens.NewKeys(temp.Path);

        var run = Tokens.Issue(privateKey, "--not-before", "2099-06-01", "--ttl", "1h").Expect(0);

        var payload = Tokens.Payload(run.Out);
        Assert.Equal(new DateTimeOffset(2099, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), payload.GetProperty("nbf").GetInt64());
        Assert.Equal(payload.GetProperty("nbf").GetInt64() + 3600, payload.GetProperty("exp").GetInt64());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(run.Out.TrimEnd('\n'), Validation(PublicKeys.Read(publicKey)));
        Assert.IsType<SecurityTokenNotYetValidException>(result.Exception);
    }

    [Fact]
    public async Task TokenIssue_IssuerAndAudienceFromEnvironment_AndOptionsBeatIt()
    {
        var (privateKey, publicKey) = Tokens.NewKeys(temp.Path);
        var environment = new Dictionary<string, string> { ["MUSCORE_ISSUER"] = "linhai-ca", ["MUSCORE_AUDIENCE"] = "muscore-linhai" };

        var fromEnvironment = Tokens.IssueWith(environment, privateKey).Expect(0);
        var fromOptions = Tokens.IssueWith(environment, privateKey, "--issuer", "taizhou-ca").Expect(0);

        Assert.Equal("linhai-ca", Tokens.Payload(fromEnvironment.Out).GetProperty("iss").GetString());
        Assert.Equal("muscore-linhai", Tokens.Payload(fromEnvironment.Out).GetProperty("aud").GetString());
        Assert.Equal("taizhou-ca", Tokens.Payload(fromOptions.Out).GetProperty("iss").GetString());
        var keys = PublicKeys.Read(publicKey);
        var parameters = Validation(keys);
        parameters.ValidIssuer = "linhai-ca";
        parameters.ValidAudience = "muscore-linhai";
        Assert.True((await new JsonWebTokenHandler().ValidateTokenAsync(fromEnvironment.Out.TrimEnd('\n'), parameters)).IsValid);

        // The server's default audience refuses it: the check is real.
        Assert.IsType<SecurityTokenInvalidAudienceException>((await new JsonWebTokenHandler().ValidateTokenAsync(fromEnvironment.Out.TrimEnd('\n'), Validation(keys))).Exception);
    }

    [Theory]
    [InlineData("--scope", "ratings:read runs:delete", "--scope: unknown scope 'runs:delete'; the known scopes are ratings:read ratings:figures runs:submit runs:publish policy:quote audit:read review:manage review:approve notice:read objections:file")]
    [InlineData("--scope", " ", "--scope names no scope; the known scopes are ratings:read ratings:figures runs:submit runs:publish policy:quote audit:read review:manage review:approve notice:read objections:file")]
    [InlineData("--regions", "331", "--regions: '331' is not * or a region-code prefix of 2, 4 or 6 digits")]
    [InlineData("--regions", "3310821", "--regions: '3310821' is not * or a region-code prefix of 2, 4 or 6 digits")]
    [InlineData("--regions", "33,zj", "--regions: 'zj' is not * or a region-code prefix of 2, 4 or 6 digits")]
    [InlineData("--regions", "*,33", "--regions: * already covers every region; give it alone")]
    [InlineData("--regions", ",", "--regions names no region")]
    [InlineData("--ttl", "401d", "--ttl '401d' is longer than 400 days")]
    [InlineData("--ttl", "0s", "--ttl '0s' must be longer than zero")]
    [InlineData("--ttl", "-1d", "--ttl '-1d' is not a duration such as 30d, 12h, 15m or 3600s")]
    [InlineData("--ttl", "1w", "--ttl '1w' is not a duration such as 30d, 12h, 15m or 3600s")]
    [InlineData("--not-before", "01/02/2030", "--not-before '01/02/2030' is not an ISO 8601 date or time")]
    [InlineData("--not-before", "2020-01-01", "--not-before 2020-01-01T00:00:00Z with this --ttl expires at 2020-01-31T00:00:00Z, which has passed")]
    [InlineData("--sub", " ", "--sub must be non-empty text on one line")]
    public void TokenIssue_BadArgument_ExitsTwoWithUsageAndNoToken(string option, string value, string message)
    {
        var (privateKey, _) = Tokens.NewKeys(temp.Path);

        var run = Tokens.Issue(privateKey, option, value).Expect(2);

        Assert.StartsWith($"muscore token: {message}", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore token issue --key PRIVATE.pem", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void TokenIssue_PublicKeyGivenAsKey_ExitsTwoSayingSo()
    {
        var (_, publicKey) = Tokens.NewKeys(temp.Path);

        var run = Tokens.Issue(publicKey).Expect(2);

        Assert.Equal($"muscore token: key file '{publicKey}' holds a public key; tokens are signed with the private one (NAME.private.pem)\n", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void TokenIssue_KeyOnAnotherCurve_ExitsTwoNamingP256()
    {
        var key = temp.File("p384.pem");
        using (var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384))
        {
            File.WriteAllText(key, ecdsa.ExportPkcs8PrivateKeyPem());
        }

        var run = Tokens.Issue(key).Expect(2);

        Assert.StartsWith($"muscore token: key file '{key}' holds an EC key on ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("; ES256 needs P-256\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenIssue_MissingKeyFile_ExitsTwoNamingIt()
    {
        var missing = temp.File("absent.pem");

        var run = Tokens.Issue(missing).Expect(2);

        Assert.Equal($"muscore token: key file '{missing}' does not exist\n", run.Error);
    }

    [Fact]
    public void Token_WithoutIssue_ExitsTwo()
    {
        var run = CliRun.Of("token", "--key", "k.pem", "--sub", "a", "--scope", "ratings:read", "--regions", "33", "--ttl", "1h").Expect(2);

        Assert.StartsWith("muscore token: token needs an action: issue", run.Error, StringComparison.Ordinal);
    }

    private static TokenValidationParameters Validation(IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = "muscore",
        ValidAudience = "muscore",
        IssuerSigningKeys = keys,
        ValidAlgorithms = ["ES256", "RS256"],

        // As the server: the kid picks the key; no trying every key.
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.Zero,
    };
}
