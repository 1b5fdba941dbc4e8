using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Server.Web;
using MuScore.Server.WebConsole.Components;

namespace MuScore.Server.WebConsole;

/// <summary>
/// Registers and maps the rating office's console (docs/console.md): Blazor static server
/// rendering under <see cref="PathBase"/>, a cookie session that carries a person's API token,
/// antiforgery on every form. No interactivity, so no script and no websocket.
/// </summary>
internal static class ConsoleSetup
{
    /// <summary>Where the console lives.</summary>
    public const string PathBase = "/console";

    public static IServiceCollection AddMuScoreConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        services.AddRazorComponents();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "muscore-console-af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<ConsoleSession>();
        services.AddSingleton<ConsoleApi>();
        services.AddSingleton<ConsoleRuns>();
        services.AddSingleton<ConsoleUpload>();
        services.AddSingleton<ConsoleReports>();
        services.AddSingleton<ConsolePolicyTables>();
        var authentication = services.AddAuthentication().AddCookie(ConsoleSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = ConsoleSession.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = PathBase;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
            cookie.SlidingExpiration = false;
            cookie.LoginPath = PathBase + "/sign-in";
            cookie.AccessDeniedPath = PathBase + "/sign-in";
        });
        if (options.Oidc.Configured)
        {
            ConsoleOidc.Add(authentication, options.Oidc);
        }

        return services;
    }

    public static void MapMuScoreConsole(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        if (!options.Enabled)
        {
            return;
        }

        app.UseAntiforgery();
        // Open at the HTTP level on purpose: every page checks the person's session, scope and
        // region itself (ConsolePage, ConsoleAccess) and answers a sign-in redirect or 403.
        app.MapRazorComponents<App>().WithMetadata(new OpenWebRoute("console page: ConsolePage checks the session, scope (ConsoleAccess) and region"));
        ConsoleEndpoints.Map(app);
    }
}
