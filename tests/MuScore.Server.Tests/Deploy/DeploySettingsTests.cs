using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using MuScore.Server.Hosting;
using MuScore.TestSupport.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MuScore.Server.Tests.Deploy;

/// <summary>
/// The deployment files (deploy/, Dockerfile) against the server: every setting they name is one
/// the server binds, with a value it accepts; their ports are the ones the server listens on; the
/// health service names they probe are registered, and are ones that stay SERVING while the
/// database is down. A typo in a manifest fails here instead of being silently ignored.
/// </summary>
public sealed partial class DeploySettingsTests
{
    private const string Compose = "deploy/compose/compose.yaml";
    private const string Envoy = "deploy/compose/envoy.yaml";
    private const string Deployment = "deploy/k8s/deployment.yaml";
    private const string ConfigMap = "deploy/k8s/configmap.yaml";

    [Fact]
    public void Settings_EveryNameInTheDeployFiles_IsBoundByTheServer()
    {
        var settings = DeployFiles.Settings();

        var problems = settings
            .Select(s => (s, Problem: ServerSettingsCatalog.Problem(s.Key, s.Value)))
            .Where(p => p.Problem is not null)
            .Select(p => $"{p.s.File}: {p.s.Key}={p.s.Value}: {p.Problem}")
            .ToList();

        // The files name the store, Redis, cache, TLS, auth and probe settings at least.
        Assert.True(settings.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() >= 10, string.Join(", ", settings.Select(s => s.Key)));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("MuScore:Cache:PointerTll", "00:00:10")]
    [InlineData("MuScore:Stores:Provider", "Postgres")]
    [InlineData("MuScore:Store:Provider", "Postgress")]
    [InlineData("MuScore:Cache:PointerTtl", "ten seconds")]
    [InlineData("MuScore:Auth:Jwt:PublicKey", "/etc/muscore/keys/muscore.public.pem")]
    [InlineData("MuScore:Health:ProbePort", "port")]
    public void Settings_AMisspeltNameOrValue_IsAProblem(string key, string value) =>
        Assert.NotNull(ServerSettingsCatalog.Problem(key, value));

    [Fact]
    public void Settings_TheFilesFormsOfANameAndValue_AreAllFound()
    {
        var settings = DeployFiles.Settings();

        // ConfigMap "KEY: value", a Kubernetes env entry's next-line value, Compose, the .env template, the Dockerfile.
        Assert.Contains(new NamedSetting(ConfigMap, "MuScore:Health:ProbePort", "8081"), settings);
        Assert.Contains(new NamedSetting(Deployment, "MuScore:Tls:KeyFile", "/etc/muscore/tls/tls.key"), settings);
        Assert.Contains(new NamedSetting(Compose, "MuScore:Store:Provider", "Postgres"), settings);
        Assert.Contains(settings, s => s.File == "deploy/compose/secrets.example/muscore-server.env" && s.Key == "MuScore:Redis:ConnectionString");
        Assert.Contains(settings, s => s.File == "Dockerfile" && s.Key == "MuScore:Tls:CertificateFile");
    }

    [Fact]
    public void Ports_TheManifests_UseThePortsTheServerListensOn()
    {
        var serverPort = Port(Regex.Match(DeployFiles.Read("Dockerfile"), @"ASPNETCORE_URLS=https://0\.0\.0\.0:(\d+)"));
        var probePort = Port(Regex.Match(DeployFiles.Read(ConfigMap), @"MuScore__Health__ProbePort:\s*""(\d+)"""));
        var deployment = DeployFiles.Read(Deployment);
        var envoyUpstreams = Regex.Matches(DeployFiles.Read(Envoy), @"address:\s*server-\d+,\s*port_value:\s*(\d+)");
        var probes = ProbePattern().Matches(deployment);

        Assert.Equal(serverPort, Port(Regex.Match(deployment, @"name:\s*grpc-tls\s*\n\s*containerPort:\s*(\d+)")));
        Assert.Equal(probePort, Port(Regex.Match(deployment, @"name:\s*probe\s*\n\s*containerPort:\s*(\d+)")));
        Assert.Contains($"expose: [\"{serverPort}\"]", DeployFiles.Read(Compose), StringComparison.Ordinal);
        Assert.Equal(2, envoyUpstreams.Count);
        Assert.All(envoyUpstreams, m => Assert.Equal(serverPort, Port(m)));
        Assert.Equal(3, probes.Count);
        Assert.All(probes, m => Assert.Equal(probePort, Port(m)));
    }

    [Fact]
    public async Task HealthNames_ProbedByTheLoadBalancerAndKubernetes_AreRegisteredAndSurviveADatabaseOutage()
    {
        var names = ProbePattern().Matches(DeployFiles.Read(Deployment)).Select(m => m.Groups[2].Value)
            .Concat(Regex.Matches(DeployFiles.Read(Envoy), @"service_name:\s*(\S+)").Select(m => m.Groups[1].Value))
            .ToList();
        await using var server = await ServerInstance.StartAsync();
        var statuses = new List<ServingStatus>();
        foreach (var name in names)
        {
            statuses.Add((await server.Health.CheckAsync(new HealthCheckRequest { Service = name })).Status);
        }

        Assert.Equal(4, names.Count);
        Assert.All(names, name => Assert.Contains(name, ServerServices.HealthServiceNames));

        // Those stay SERVING while the store is down (DatabaseOutageTests); "" and the write services do not.
        Assert.All(names, name => Assert.Contains(name, new[] { "muscore.v1.RatingService", "muscore.v1.PolicyService" }));
        Assert.All(statuses, status => Assert.Equal(ServingStatus.Serving, status));
    }

    private static int Port(Match match)
    {
        Assert.True(match.Success, "a port the test looks for is not in the file any more");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"grpc:\s*\n\s*port:\s*(\d+)\s*\n\s*service:\s*(\S+)")]
    private static partial Regex ProbePattern();
}
