namespace MuScore.Server.Web;

/// <summary>The web listener's settings, <c>MuScore:Web</c> (docs/http-api.md).</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MuScore:Web";

    /// <summary>The listener's URL (default <c>http://127.0.0.1:5081</c>); empty or "off" for none.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// Origins (scheme://host[:port]) whose browser scripts may call the JSON routes (CORS).
    /// Empty, the default: no CORS headers, so only same-origin pages and non-browser callers.
    /// </summary>
    public IList<string> CorsOrigins { get; } = [];
}
