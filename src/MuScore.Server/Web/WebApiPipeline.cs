using Microsoft.AspNetCore.Builder;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MuScore.Server.Hosting;

namespace MuScore.Server.Web;

/// <summary>The request pipeline of the HTTP/JSON API: challenge header, CORS, the OpenAPI document.</summary>
internal static class WebApiPipeline
{
    /// <summary>Where the OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi/" + WebApiServices.DocumentName + ".json";

    /// <summary>Before the endpoints: adds what HTTP callers expect and gRPC callers do not.</summary>
    public static WebApplication UseMuScoreWebApi(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!StaleHeader.IsGrpc(context.Request))
            {
                // gRPC refuses a request message over 4 MiB before parsing it; transcoding would
                // read a JSON body up to Kestrel's 30 MB. Hold JSON to the gRPC limit: a declared
                // length over it is refused at once, a chunked body is cut off by Kestrel there.
                if (context.Request.ContentLength > MessageLimits.MaxReceiveMessageBytes)
                {
                    return TooLargeAsync(context);
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MessageLimits.MaxReceiveMessageBytes;
                }

                // RFC 9110: a 401 names how to authenticate. Transcoding maps UNAUTHENTICATED to 401
                // without it; the JSON body still carries the ErrorInfo reason.
                context.Response.OnStarting(static state =>
                {
                    var http = (HttpContext)state;
                    if (http.Response.StatusCode == StatusCodes.Status401Unauthorized)
                    {
                        http.Response.Headers.WWWAuthenticate = http.Request.Headers.Authorization.Count > 0
                            ? "Bearer realm=\"muscore\", error=\"invalid_token\""
                            : "Bearer realm=\"muscore\"";
                    }

                    return Task.CompletedTask;
                }, context);
            }

            return next(context);
        });

        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.CorsOrigins.Count > 0)
        {
            app.UseCors(WebApiServices.CorsPolicy);
        }

        return app;
    }

    private static Task TooLargeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "application/json; charset=utf-8";
        var message = string.Create(CultureInfo.InvariantCulture, $"the request body is {context.Request.ContentLength} bytes; the limit is {MessageLimits.MaxReceiveMessageBytes} (4 MiB), as for a gRPC message");

        // google.rpc.Status as transcoding writes it: code 8 is RESOURCE_EXHAUSTED, what gRPC answers.
        return context.Response.WriteAsync($$"""{"code":8,"message":"{{message}}","details":[]}""");
    }

    /// <summary>
    /// Maps the OpenAPI document, open to everyone: it holds the contract already public through
    /// gRPC reflection, and no rating, caller or setting (docs/http-api.md).
    /// </summary>
    public static void MapMuScoreOpenApi(this WebApplication app) =>
        app.MapSwagger("/openapi/{documentName}.json").WithMetadata(new OpenWebRoute("the OpenAPI document: the public contract, no data"));
}
