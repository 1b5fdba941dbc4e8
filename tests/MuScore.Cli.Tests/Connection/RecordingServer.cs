using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Tests.Connection;

/// <summary>What one call carried to the server.</summary>
/// <param name="Method">e.g. "/muscore.v1.PolicyService/SummarizeRegion".</param>
/// <param name="Authorization">The "authorization" metadata, or null.</param>
/// <param name="ClientCertificateThumbprint">The SHA-1 thumbprint of the client certificate the TLS handshake presented, or null.</param>
internal sealed record SeenCall(string Method, string? Authorization, string? ClientCertificateThumbprint);

/// <summary>
/// A real gRPC server in Kestrel on a free loopback port, HTTP/2 over a real socket, in clear or
/// with TLS (asking for, not requiring, a client certificate). It records what every call carried
/// (<see cref="SeenCall"/>) and answers SummarizeRegion with a small fixed summary (the other
/// PolicyService and EvaluationService methods with UNIMPLEMENTED), or every call with the error
/// <see cref="RecordingServerOptions.Refusal"/> makes, as an authenticating server would.
/// </summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RecordingServer(WebApplication app, Uri address, ConcurrentQueue<SeenCall> calls)
    {
        this.app = app;
        Address = address;
        Calls = calls;
    }

    /// <summary>e.g. https://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    /// <summary>Every call the server received, in order.</summary>
    public ConcurrentQueue<SeenCall> Calls { get; }

    public static async Task<RecordingServer> StartAsync(RecordingServerOptions? options = null)
    {
        options ??= new RecordingServerOptions();
        var calls = new ConcurrentQueue<SeenCall>();
        // Empty: no appsettings.json or ASPNETCORE_* variable of the machine or of the server project can reconfigure it.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (options.Certificate is { } certificate)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,

                    // Accept any client certificate: the tests check which one arrived.
                    ClientCertificateValidation = (_, _, _) => true,
                });
            }
        }));
        builder.Services.AddSingleton(new Recorder(calls, options.Refusal));
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<RecordingInterceptor>());
        var app = builder.Build();
        app.MapGrpcService<FixedPolicyService>();
        app.MapGrpcService<UnansweredEvaluationService>();
        await app.StartAsync();
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        var scheme = options.Certificate is null ? "http" : "https";
        return new RecordingServer(app, new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{bound.Port}")), calls);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed record Recorder(ConcurrentQueue<SeenCall> Calls, Func<RpcException>? Refusal)
    {
        public void Record(ServerCallContext context)
        {
            var certificate = context.GetHttpContext().Connection.ClientCertificate;
            Calls.Enqueue(new SeenCall(context.Method, context.RequestHeaders.GetValue("authorization"), certificate?.Thumbprint));
            if (Refusal is { } refusal)
            {
                throw refusal();
            }
        }
    }

    private sealed class RecordingInterceptor(Recorder recorder) : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            recorder.Record(context);
            return continuation(request, context);
        }

        public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        {
            recorder.Record(context);
            return continuation(requestStream, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            recorder.Record(context);
            return continuation(request, responseStream, context);
        }
    }

    /// <summary>Registers EvaluationService's methods so that publish's calls pass the interceptor; each then answers UNIMPLEMENTED.</summary>
    private sealed class UnansweredEvaluationService : EvaluationService.EvaluationServiceBase;

    private sealed class FixedPolicyService : PolicyService.PolicyServiceBase
    {
        public override Task<RegionSummary> SummarizeRegion(SummarizeRegionRequest request, ServerCallContext context) =>
            Task.FromResult(new RegionSummary
            {
                Publication = new PublicationUsed { Region = request.Region, Year = request.Year, Version = 1, RunId = new string('a', 64) },
                Policy = new PolicyRef { Id = "test-policy", Version = "1", Hash = new string('b', 64) },
                Citation = "test",
                AboveScaleEnterprises = 0,
                TaxPerMu = Check("tax_per_mu"),
                VaPerMu = Check("va_per_mu"),
                LabourProductivity = Check("labour_productivity"),
            });

        private static TargetCheck Check(string indicator) =>
            new() { Indicator = indicator, Unit = "万元/亩", Numerator = "0", Denominator = "0", Reason = "no enterprises" };
    }
}

/// <summary>How a <see cref="RecordingServer"/> listens and answers.</summary>
internal sealed class RecordingServerOptions
{
    /// <summary>The server certificate (with key) for TLS; null serves HTTP/2 in clear.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Makes the error every call is answered with, after it is recorded; null answers normally.</summary>
    public Func<RpcException>? Refusal { get; init; }
}
