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
/// same defaults (Microsoft.AspNetCore logging at Warning), Kestrel endpoints HTTP/2 only (h2c),
/// gRPC services registered as singletons; the project uses server GC like MuScore.Server.
/// What it leaves out is MuScore's work: validation, the error interceptor, the cache lookup.
/// </summary>
internal static class BaselineServer
{
    private const string ResponseKey = "response";

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
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));

        var response = LoadResponse(builder.Configuration[ResponseKey]);
        Console.WriteLine($"baseline: fixed GetRatingResponse of {response.CalculateSize()} bytes " +
            $"(built-in realistic one: {RealisticRating.Response().CalculateSize()} bytes), listening on {builder.Configuration["urls"]}");

        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new FixedRatingService(response));
        var app = builder.Build();
        app.MapGrpcService<FixedRatingService>();
        await app.RunAsync().ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The captured response of the real server when a file is given, else the built-in one.</summary>
    private static GetRatingResponse LoadResponse(string? file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return RealisticRating.Response();
        }

        try
        {
            return GetRatingResponse.Parser.ParseFrom(File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or InvalidProtocolBufferException or UnauthorizedAccessException)
        {
            throw new OptionException($"--response {file}: {e.Message}", e);
        }
    }
}
