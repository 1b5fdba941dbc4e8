using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MuScore.Server.WebConsole;

/// <summary>
/// Sign-in through an OpenID Connect provider (code flow with PKCE). The provider's access token
/// is then validated like a pasted one and becomes the session's token: the console acts with
/// exactly what the gRPC API would accept from that person, or signs nobody in.
/// </summary>
internal static class ConsoleOidc
{
    /// <summary>The OIDC authentication scheme.</summary>
    public const string Scheme = "MuScore.Console.Oidc";

    public static void Add(AuthenticationBuilder authentication, ConsoleOidcOptions settings) =>
        authentication.AddOpenIdConnect(Scheme, oidc =>
        {
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            oidc.CallbackPath = ConsoleSetup.PathBase + "/signin-oidc";
            oidc.SignInScheme = ConsoleSession.Scheme;
            oidc.MapInboundClaims = false;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            foreach (var scope in settings.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                oidc.Scope.Add(scope);
            }

            oidc.Events.OnTokenValidated = async context =>
            {
                // Replace the provider's identity with the API's reading of its access token.
                var session = context.HttpContext.RequestServices.GetRequiredService<ConsoleSession>();
                var refused = await session.SignInAsync(context.HttpContext, context.TokenEndpointResponse?.AccessToken).ConfigureAwait(false);
                if (refused is not null)
                {
                    context.Fail("the provider's access token is not one the MuScore API accepts: " + refused);
                    return;
                }

                context.HandleResponse();
                context.Response.Redirect(ConsoleSetup.PathBase);
            };
        });
}
