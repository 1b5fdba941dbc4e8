using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using MuScore.Contracts.V1;
using MuScore.Server.Security;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Every RPC against every scope: a token holding only the RPC's scope is handled, any other
/// scope (alone or all together) is PERMISSION_DENIED naming the scope needed.
/// </summary>
public sealed class ScopeMatrixTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    /// <summary>The scope of each RPC as issue 8 states it, written out apart from <see cref="RpcPermissions"/> so the two are checked against each other.</summary>
    private static readonly Dictionary<string, string> IssueRules = new(StringComparer.Ordinal)
    {
        ["/muscore.v1.RatingService/GetRating"] = "ratings:read",
        ["/muscore.v1.RatingService/BatchGetRatings"] = "ratings:read",
        ["/muscore.v1.RatingService/ListRatings"] = "ratings:read",
        ["/muscore.v1.EvaluationService/SubmitRun"] = "runs:submit",
        ["/muscore.v1.EvaluationService/GetRun"] = "runs:submit",
        ["/muscore.v1.EvaluationService/ListRuns"] = "runs:submit",
        ["/muscore.v1.EvaluationService/PublishRun"] = "runs:publish",
        ["/muscore.v1.PolicyService/QuoteTariff"] = "policy:quote",
        ["/muscore.v1.PolicyService/QuoteTariffs"] = "policy:quote",
        ["/muscore.v1.PolicyService/CheckLandTransfer"] = "policy:quote",
        ["/muscore.v1.PolicyService/AssessSubsidy"] = "policy:quote",
        ["/muscore.v1.PolicyService/QuoteTaxRelief"] = "policy:quote",
        ["/muscore.v1.PolicyService/ListLowEfficiency"] = "policy:quote",
        ["/muscore.v1.PolicyService/SummarizeRegion"] = "policy:quote",
        ["/muscore.v1.AuditService/ListAuditEvents"] = "audit:read",

        // Issue 11's review workflow (docs/review.md).
        ["/muscore.v1.ReviewService/StartNotice"] = "review:manage",
        ["/muscore.v1.ReviewService/GetReview"] = "review:manage",
        ["/muscore.v1.ReviewService/ListObjections"] = "review:manage",
        ["/muscore.v1.ReviewService/DecideObjection"] = "review:manage",
        ["/muscore.v1.ReviewService/CorrectRun"] = "review:manage",
        ["/muscore.v1.ReviewService/ProposeAdjustment"] = "review:manage",
        ["/muscore.v1.ReviewService/ListAdjustments"] = "review:manage",
        ["/muscore.v1.ReviewService/ApproveAdjustment"] = "review:approve",
        ["/muscore.v1.ReviewService/FinalizeRun"] = "review:approve",
        ["/muscore.v1.ReviewService/GetNotice"] = "notice:read",
        ["/muscore.v1.ReviewService/FileObjection"] = "objections:file",
    };

    private static readonly ServiceDescriptor[] MuScoreServices = [RatingService.Descriptor, EvaluationService.Descriptor, PolicyService.Descriptor, AuditService.Descriptor, ReviewService.Descriptor];

    private static readonly ServiceDescriptor[] OpenServices =
    [
        Health.Descriptor,
        ServerReflection.Descriptor,
        Grpc.Reflection.V1.ServerReflection.Descriptor,
    ];

    /// <summary>Every RPC with a scope in <see cref="RpcPermissions"/>.</summary>
    public static TheoryData<string> ScopedMethods() => [.. ScopedMethodNames()];

    /// <summary>Every RPC with a scope, with each known scope that is not its own.</summary>
    public static TheoryData<string, string> MethodsAndOtherScopes()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in ScopedMethodNames())
        {
            foreach (var scope in Scopes.All.Where(s => s != IssueRules[method]))
            {
                data.Add(method, scope);
            }
        }

        return data;
    }

    [Fact]
    public void RpcPermissions_EveryMethodOfEveryMuScoreService_HasAScope()
    {
        var methods = MuScoreServices.SelectMany(s => s.Methods).Select(Path).ToList();

        Assert.Equal(26, methods.Count);
        Assert.All(methods, method =>
        {
            Assert.True(RpcPermissions.TryGetRequired(method, out var scope), $"{method} has no rule: it would be closed to everyone");
            Assert.NotEqual(RpcPermissions.Open, scope);
        });
    }

    [Fact]
    public void RpcPermissions_ScopedRules_AreIssueEightsTableAndNameOnlyRealMethods()
    {
        var scoped = RpcPermissions.All.Where(r => r.Value != RpcPermissions.Open).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

        Assert.Equal(IssueRules.OrderBy(r => r.Key, StringComparer.Ordinal), scoped.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(MuScoreServices.SelectMany(s => s.Methods).Select(Path).Order(StringComparer.Ordinal), scoped.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RpcPermissions_OpenRules_AreExactlyHealthAndReflection()
    {
        var open = RpcPermissions.All.Where(r => r.Value == RpcPermissions.Open).Select(r => r.Key).Order(StringComparer.Ordinal);

        Assert.Equal(OpenServices.SelectMany(s => s.Methods).Select(Path).Order(StringComparer.Ordinal), open);
    }

    [Theory]
    [MemberData(nameof(ScopedMethods))]
    public async Task Call_TokenWithOnlyTheMethodsScope_IsHandled(string method)
    {
        using var channel = fixture.As(IssueRules[method], "*");

        var outcome = await RpcSamples.CallAsync(method, channel);

        Assert.Equal(RpcSamples.Handled(method), outcome.Code);
    }

    [Theory]
    [MemberData(nameof(MethodsAndOtherScopes))]
    public async Task Call_TokenWithOnlyAnotherScope_PermissionDeniedNamingTheScopeNeeded(string method, string scope)
    {
        using var channel = fixture.As(scope, "*");

        var outcome = await RpcSamples.CallAsync(method, channel);

        AssertMissingScope(outcome, method);
    }

    [Theory]
    [MemberData(nameof(ScopedMethods))]
    public async Task Call_TokenWithEveryScopeButTheMethods_PermissionDeniedNamingTheScopeNeeded(string method)
    {
        using var channel = fixture.As(string.Join(' ', Scopes.All.Where(s => s != IssueRules[method])), "*");

        var outcome = await RpcSamples.CallAsync(method, channel);

        AssertMissingScope(outcome, method);
    }

    [Theory]
    [MemberData(nameof(ScopedMethods))]
    public async Task Call_NoCredential_UnauthenticatedCredentialMissing(string method)
    {
        using var channel = fixture.Server.ChannelAs(null);

        var outcome = await RpcSamples.CallAsync(method, channel);

        Assert.Equal(StatusCode.Unauthenticated, outcome.Code);
        Assert.Equal("CREDENTIAL_MISSING", outcome.Info?.Reason);
        Assert.Equal("muscore", outcome.Info?.Domain);
    }

    [Fact]
    public async Task HealthCheck_NoCredentialOnSecuredServer_Serving()
    {
        using var channel = fixture.Server.ChannelAs(null);

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "muscore.v1.RatingService" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task HealthCheck_RefusedTokenOnSecuredServer_StillServing()
    {
        // A load balancer's probe with a stale token must not take the server out of rotation.
        using var channel = fixture.Server.ChannelAs("not-a-token");

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ServerReflection_NoCredentialOnSecuredServer_ListsTheServices()
    {
        using var channel = fixture.Server.ChannelAs(null);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains("muscore.v1.PolicyService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task ServerReflectionV1_NoCredentialOnSecuredServer_ListsTheServices()
    {
        using var channel = fixture.Server.ChannelAs(null);
        using var call = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains("muscore.v1.EvaluationService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }

    private static IEnumerable<string> ScopedMethodNames() =>
        RpcPermissions.All.Where(r => r.Value != RpcPermissions.Open).Select(r => r.Key).Order(StringComparer.Ordinal);

    private static string Path(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    private static void AssertMissingScope(CallOutcome outcome, string method)
    {
        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        Assert.NotNull(outcome.Info);
        Assert.Equal("muscore", outcome.Info.Domain);
        Assert.Equal("MISSING_SCOPE", outcome.Info.Reason);
        Assert.Equal(IssueRules[method], outcome.Info.Metadata["scope"]);
        Assert.Equal(method, outcome.Info.Metadata["method"]);
    }
}
