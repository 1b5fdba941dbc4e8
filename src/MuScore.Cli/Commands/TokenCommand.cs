using System.Globalization;
using System.Text;
using MuScore.Cli.Arguments;
using MuScore.Cli.Signing;

namespace MuScore.Cli.Commands;

/// <summary>"muscore token issue": signs an access token (JWT) for a MuScore server.</summary>
internal sealed class TokenCommand : ICommand
{
    public string Name => "token";

    public string Summary => "sign an access token (JWT) for a MuScore server (token issue)";

    public string Usage =>
        "token issue --key PRIVATE.pem --sub NAME --scope \"SCOPE ...\" --regions PREFIX,... --ttl DURATION [--issuer ISS] [--audience AUD] [--not-before ISO8601]";

    public string Details =>
        "Prints the token alone on stdout, to pass as --token (or MUSCORE_TOKEN, or --token @FILE) to\n" +
        "publish, lists and summary, or to any gRPC client as 'authorization: Bearer TOKEN'; the subject,\n" +
        "scopes, regions, key id and validity go to stderr. The claims: sub, scope (space-separated),\n" +
        "regions (a JSON array), iss, aud, iat, nbf, exp, jti; the header carries alg (ES256 or RS256,\n" +
        "from the key) and kid (the key's RFC 7638 thumbprint, as 'keys new' printed it).\n" +
        "Issuer and audience default to 'muscore', as the server's do. Anyone holding the token acts\n" +
        "with its scopes until it expires; keep lifetimes short and store tokens like passwords.\n" +
        "Exit codes: 0 printed, 1 the key could not be read, 2 bad arguments or key.";

    public IReadOnlyList<OptionSpec> Options => TokenOptions.Specs;

    public string Words => "ACTION";

    public IReadOnlyList<string> WordChoices => ["issue"];

    public int Run(ParsedArguments args, CliConsole console)
    {
        var words = args.Positionals;
        if (words.Count != 1 || words[0] != "issue")
        {
            throw CommandFailure.Usage(words.Count == 0 ? "token needs an action: issue" : $"unknown token action '{string.Join(' ', words)}' (expected 'issue')");
        }

        var options = TokenOptions.From(args);
        using var key = SigningKeyFile.Read(options.KeyFile);
        var token = TokenIssuer.Issue(options, key, DateTimeOffset.UtcNow);
        console.Out.Write(token.Jwt + "\n");
        console.Error.Write(Describe(options, key, token));
        return ExitCodes.Success;
    }

    private static string Describe(TokenOptions options, SigningKeyFile key, IssuedToken token)
    {
        var text = new StringBuilder();
        Line(text, "subject", options.Subject);
        Line(text, "scopes", string.Join(' ', options.Scopes));
        Line(text, "regions", string.Join(',', options.Regions));
        Line(text, "issuer", options.Issuer);
        Line(text, "audience", options.Audience);
        Line(text, "key id", $"{token.KeyId} ({key.Algorithm.JwsName()})");
        Line(text, "valid", string.Create(CultureInfo.InvariantCulture, $"{token.NotBefore:yyyy-MM-dd'T'HH:mm:ss'Z'} to {token.Expires:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(10)).Append(value).Append('\n');
}
