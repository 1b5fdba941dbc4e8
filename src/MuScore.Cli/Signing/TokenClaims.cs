namespace MuScore.Cli.Signing;

/// <summary>The MuScore claims beyond the registered ones (RFC 7519 §4.1), as the server reads them.</summary>
internal static class TokenClaims
{
    /// <summary>The scopes, one space-separated string (RFC 8693 §4.2).</summary>
    public const string Scope = "scope";

    /// <summary>The region-code prefixes the caller may act on, a JSON array of strings.</summary>
    public const string Regions = "regions";
}
