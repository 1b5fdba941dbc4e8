using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MuScore.Server.Web;

namespace MuScore.Server.WebConsole;

/// <summary>The console's few plain endpoints: language, sign-out, the OIDC challenge and the downloads.</summary>
internal static class ConsoleEndpoints
{
    public static void Map(WebApplication app)
    {
        // Each endpoint checks the session (and a download its scope and region) itself.
        var console = app.MapGroup(ConsoleSetup.PathBase).WithMetadata(new OpenWebRoute("console endpoint: a language cookie, sign-in/out, or a download checked like its page"));

        // A preference, not a change of anything stored: a plain link works with the keyboard and without script.
        console.MapGet("/lang/{lang}", (string lang, string? back, HttpContext http) =>
        {
            http.Response.Cookies.Append(ConsoleText.CookieName, string.Equals(lang, "en", StringComparison.Ordinal) ? "en" : "zh", new CookieOptions
            {
                Path = ConsoleSetup.PathBase,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            return Results.LocalRedirect(LocalReturn(back));
        });

        console.MapPost("/sign-out", async ([FromForm] string? unused, HttpContext http) =>
        {
            await ConsoleSession.SignOutAsync(http).ConfigureAwait(false);
            return Results.LocalRedirect(ConsoleSetup.PathBase + "/sign-in");
        });

        console.MapGet("/sign-in/oidc", (HttpContext http) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = ConsoleSetup.PathBase }, [ConsoleOidc.Scheme]));

        ConsoleDownloads.Map(console);
        ConsolePolicyDownloads.Map(console);
    }

    /// <summary>Only a path inside the console is a place to go back to (no open redirect).</summary>
    internal static string LocalReturn(string? back) =>
        back is { Length: > 0 and < 512 } && back.StartsWith(ConsoleSetup.PathBase, StringComparison.Ordinal) && !back.Contains("//", StringComparison.Ordinal) && !back.Contains('\\', StringComparison.Ordinal)
            ? back
            : ConsoleSetup.PathBase;
}
