using System.Text;
using System.Text.Json;

namespace MuScore.Cli.Tests.Signing;

/// <summary>Runs "muscore keys new" and "muscore token issue" in-process and reads what they made.</summary>
internal static class Tokens
{
    /// <summary>Makes a key pair in <paramref name="directory"/>; returns the private and public key files.</summary>
    public static (string PrivateKey, string PublicKey) NewKeys(string directory, string alg = "es256", string name = "muscore")
    {
        CliRun.Of("keys", "new", "--out", directory, "--alg", alg, "--name", name).Expect(0);
        return (Path.Combine(directory, name + ".private.pem"), Path.Combine(directory, name + ".public.pem"));
    }

    /// <summary>"token issue" with --key and the given options; sub, scope, regions and ttl are filled in unless given.</summary>
    public static CliRun Issue(string privateKey, params string[] options) =>
        IssueWith(new Dictionary<string, string>(), privateKey, options);

    /// <inheritdoc cref="Issue"/>
    public static CliRun IssueWith(IReadOnlyDictionary<string, string> environment, string privateKey, params string[] options)
    {
        string[] defaults = ["--sub", "linhai-office", "--scope", "ratings:read policy:quote", "--regions", "331082", "--ttl", "30d"];
        var args = new List<string> { "token", "issue", "--key", privateKey };
        for (var i = 0; i < defaults.Length; i += 2)
        {
            if (!options.Contains(defaults[i]))
            {
                args.AddRange([defaults[i], defaults[i + 1]]);
            }
        }

        args.AddRange(options);
        return CliRun.WithEnvironment(environment, [.. args]);
    }

    /// <summary>The token's payload as JSON, decoded by hand so that the test sees exactly what was signed.</summary>
    public static JsonElement Payload(string token) => Part(token, 1);

    /// <summary>The token's header as JSON.</summary>
    public static JsonElement Header(string token) => Part(token, 0);

    private static JsonElement Part(string token, int index)
    {
        var part = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        var padded = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)));
        return document.RootElement.Clone();
    }
}
