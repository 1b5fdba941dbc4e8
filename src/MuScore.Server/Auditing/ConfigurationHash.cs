using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace MuScore.Server.Auditing;

/// <summary>The hash of the settings that shape the server's behaviour, secrets left out (docs/audit.md).</summary>
internal static class ConfigurationHash
{
    // A setting whose name holds one of these is never hashed: its value may be a secret, and a
    // hash of a short secret can be reversed by trying candidates.
    private static readonly string[] SecretNames = ["ConnectionString", "Password", "Secret", "Token", "PrivateKey"];

    public static string Of(IConfiguration configuration)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in configuration.AsEnumerable()
            .Where(e => e.Value is not null && Shapes(e.Key) && !SecretNames.Any(s => e.Key.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool Shapes(string key) =>
        key.StartsWith("MuScore:", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Kestrel:", StringComparison.OrdinalIgnoreCase)
        || string.Equals(key, "urls", StringComparison.OrdinalIgnoreCase);
}
