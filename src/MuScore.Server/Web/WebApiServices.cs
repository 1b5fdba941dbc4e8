using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace MuScore.Server.Web;

/// <summary>
/// The HTTP/JSON face of the gRPC services (docs/http-api.md): gRPC JSON transcoding of the RPCs
/// annotated with <c>google.api.http</c>, their OpenAPI document, and CORS when configured.
/// Transcoded calls run the same service methods through the same interceptors, so
/// authentication, scopes, regions, field minimisation and error details are the gRPC ones.
/// </summary>
internal static class WebApiServices
{
    /// <summary>The CORS policy name, used only when <see cref="WebOptions.CorsOrigins"/> lists origins.</summary>
    public const string CorsPolicy = "muscore-web";

    /// <summary>The OpenAPI document's name: served at <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    // The error details the server attaches (RpcErrors) and any a future one might: without them
    // in the registry the JSON error body could not carry google.rpc.BadRequest's field violations.
    private static readonly TypeRegistry ErrorDetails = TypeRegistry.FromMessages(
        BadRequest.Descriptor,
        ErrorInfo.Descriptor,
        QuotaFailure.Descriptor,
        RetryInfo.Descriptor,
        PreconditionFailure.Descriptor,
        ResourceInfo.Descriptor,
        Help.Descriptor,
        LocalizedMessage.Descriptor,
        DebugInfo.Descriptor,
        RequestInfo.Descriptor);

    public static IServiceCollection AddMuScoreWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.Section));
        services.AddGrpc().AddJsonTranscoding(transcoding => transcoding.TypeRegistry = ErrorDetails);

        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "MuScore HTTP/JSON API",
                Version = DocumentName,
                Description = "Published per-mu efficiency ratings (亩均效益评价) and the policy decisions they drive, "
                    + "transcoded from the gRPC API (protos/muscore/v1). Errors are google.rpc.Status JSON; see docs/http-api.md.",
            });

            // The proto comments, generated into the contract assembly's XML documentation.
            var contracts = Path.Combine(AppContext.BaseDirectory, "MuScore.Contracts.xml");
            if (File.Exists(contracts))
            {
                swagger.IncludeXmlComments(contracts);
                swagger.IncludeGrpcXmlComments(contracts, includeControllerXmlComments: true);
            }

            var bearer = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token with the scopes and regions of docs/security.md; a client certificate over TLS works as well.",
                Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" },
            };
            swagger.AddSecurityDefinition("bearer", bearer);
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement { [bearer] = [] });
        });

        var origins = configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.CorsOrigins ?? [];
        if (origins.Count > 0)
        {
            services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. origins])
                .WithMethods("GET", "POST")
                .WithHeaders("authorization", "content-type")
                .WithExposedHeaders(StaleHeader.Name)));
        }

        return services;
    }
}
