using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;

namespace MuScore.LoadBench.Baseline;

/// <summary>
/// The bare gRPC server MuScore is compared with. Host set-up copied from
/// src/MuScore.Server/ServerHost.cs: WebApplication with the arguments as configuration over the
/// same defaults (Microsoft.AspNetCore logging at Warning), Kestrel endpoints HTTP/2 only (h2c, or
/// h2 over TLS from MuScore's own TLS settings: <see cref="BaselineTls"/>), gRPC services registered
/// as singletons; the project uses server GC like MuScore.Server.
/// What it leaves out is MuScore's work: validation, the error interceptor, the cache lookup, and
/// for QuoteTariff the rating in force, the policy engine and the mapping.
/// </summary>
internal static class BaselineServer
{
    private const string ResponseKey = "response";
    private const string QuoteKey = "quote";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["urls"] = "http://127.0.0.1:5081",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
        });
        var certificate = BaselineTls.Certificate(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            if (certificate is not null)
            {
                BaselineTls.Use(kestrel, certificate);
            }
        });

        var responseFile = builder.Configuration[ResponseKey];
        var response = string.IsNullOrEmpty(responseFile) ? RealisticRating.Response() : Load(ResponseKey, responseFile, GetRatingResponse.Parser);
        var quoteFile = builder.Configuration[QuoteKey];
        var quote = string.IsNullOrEmpty(quoteFile) ? null : Load(QuoteKey, quoteFile, TariffQuote.Parser);
        Console.WriteLine($"baseline: fixed GetRatingResponse of {response.CalculateSize()} bytes " +
            $"(built-in realistic one: {RealisticRating.Response().CalculateSize()} bytes), " +
            (quote is null ? "no PolicyService" : $"fixed TariffQuote of {quote.CalculateSize()} bytes") +
            $", {(certificate is null ? "no TLS" : $"TLS certificate {certificate.Subject}")}" +
            $", listening on {builder.Configuration["urls"]}");

        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new FixedRatingService(response));
        if (quote is not null)
        {
            builder.Services.AddSingleton(new FixedPolicyService(quote));
        }

        var app = builder.Build();
        app.MapGrpcService<FixedRatingService>();
        if (quote is not null)
        {
            app.MapGrpcService<FixedPolicyService>();
        }

        await app.RunAsync().ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>A serialized message captured from the real server by `setup`.</summary>
    private static T Load<T>(string option, string file, MessageParser<T> parser)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or InvalidProtocolBufferException or UnauthorizedAccessException)
        {
            throw new OptionException($"--{option} {file}: {e.Message}", e);
        }
    }
}
